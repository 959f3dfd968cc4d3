import { describe, expect, it } from "vitest";
import { LineChannel, UpstreamFailedError } from "./channel";
import { heldReporter, type Reporter } from "./reporter";
import type { TaskInput } from "./tasks";

async function collect(source: AsyncIterable<TaskInput>): Promise<TaskInput[]> {
  const out: TaskInput[] = [];
  for await (const item of source) out.push(item);
  return out;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("line channel between two stages", () => {
  it("reads what was written as numbered lines, counting blank lines as the file would", async () => {
    const channel = new LineChannel(10);
    await channel.push('{"a":1}\n');
    await channel.push('\n{"b":2}\n{"c":3}\n');
    channel.close();
    expect(await collect(channel)).toEqual([
      { text: '{"a":1}', line: 1, checked: true },
      { text: '{"b":2}', line: 3, checked: true },
      { text: '{"c":3}', line: 4, checked: true },
    ]);
  });

  it("makes the writer wait while the channel is full", async () => {
    const channel = new LineChannel(2);
    let written = 0;
    const writer = (async () => {
      for (let i = 0; i < 5; i += 1) {
        await channel.push(`${i}\n`);
        written += 1;
      }
      channel.close();
    })();
    await tick();
    expect(written).toBe(2);
    const read = await collect(channel);
    await writer;
    expect(read.map((r) => r.text)).toEqual(["0", "1", "2", "3", "4"]);
  });

  it("ends the reader only once the writer closed it", async () => {
    const channel = new LineChannel(4);
    await channel.push("x\n");
    let ended = false;
    const reading = collect(channel).then((lines) => {
      ended = true;
      return lines;
    });
    await tick();
    expect(ended).toBe(false);
    channel.close();
    expect((await reading).length).toBe(1);
  });

  it("throws in the reader when the writer failed, instead of ending normally", async () => {
    const channel = new LineChannel(4);
    await channel.push("x\n");
    const reading = collect(channel);
    channel.fail(new UpstreamFailedError());
    await expect(reading).rejects.toThrow(UpstreamFailedError);
  });

  it("lets the writer go on alone once the reader stopped early", async () => {
    const channel = new LineChannel(1);
    const writer = (async () => {
      for (let i = 0; i < 50; i += 1) await channel.push(`${i}\n`);
    })();
    for await (const item of channel) if (item.line === 2) break;
    await expect(writer).resolves.toBeUndefined();
  });
});

describe("held reporter", () => {
  const recorder = () => {
    const seen: string[] = [];
    const target: Reporter = { info: (m) => seen.push(`info ${m}`), warn: (m) => seen.push(`warn ${m}`), progress: () => seen.push("progress"), done: () => {} };
    return { seen, target };
  };

  it("keeps messages and no progress until released, then passes them on in order", () => {
    const { seen, target } = recorder();
    const held = heldReporter(target);
    held.warn("w1");
    held.progress(1, 2, "x");
    held.info("i1");
    expect(seen).toEqual([]);
    held.release();
    held.info("i2");
    expect(seen).toEqual(["warn w1", "info i1", "info i2"]);
  });

  it("drops every message once discarded", () => {
    const { seen, target } = recorder();
    const held = heldReporter(target);
    held.warn("w1");
    held.discard();
    held.release();
    held.info("i1");
    expect(seen).toEqual([]);
  });
});
