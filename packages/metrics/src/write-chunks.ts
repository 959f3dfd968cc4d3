import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { once } from "node:events";

/** Writes text chunk by chunk to a temp file and renames it over `file` only when every chunk is written. */
export async function writeChunksAtomic(file: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const stream = createWriteStream(tmp, "utf8");
  try {
    for await (const chunk of chunks) {
      if (!stream.write(chunk)) await once(stream, "drain");
    }
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await rename(tmp, file);
  } catch (error) {
    stream.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
}
