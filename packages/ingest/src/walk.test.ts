import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inputFileReader } from "./walk";

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "ingest-walk-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("inputFileReader", () => {
  it("returns each file's whole bytes, a file larger than its buffer included, and only a small file's bytes after a large one", async () => {
    const large = Buffer.alloc(3 * (1 << 20) + 5, "å");
    await writeFile(join(root, "large.txt"), large);
    await writeFile(join(root, "small.txt"), "kort");
    await writeFile(join(root, "empty.txt"), "");
    const read = inputFileReader();
    expect(Buffer.compare(await read(join(root, "large.txt")), large)).toBe(0);
    expect(Buffer.from(await read(join(root, "small.txt"))).toString()).toBe("kort");
    expect((await read(join(root, "empty.txt"))).length).toBe(0);
  });

  it("rejects a missing file with its errno code, so the run can say why it was skipped", async () => {
    await expect(inputFileReader()(join(root, "gone.txt"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
