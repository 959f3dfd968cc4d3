import { stat } from "node:fs/promises";

interface Entry<T> {
  key: string;
  value: Promise<T>;
}

/**
 * Memoises one parse per file, keyed by the file's mtime and size, so repeated requests
 * re-use the parsed value until the pipeline rewrites the file.
 */
export class MtimeCache {
  private readonly entries = new Map<string, Entry<unknown>>();

  /** Returns the cached value for `file`, or runs `load` when the file changed. A missing file rejects with ENOENT. */
  async get<T>(file: string, load: () => Promise<T>): Promise<T> {
    const info = await stat(file);
    const key = `${info.mtimeMs}:${info.size}`;
    const hit = this.entries.get(file);
    if (hit && hit.key === key) return hit.value as Promise<T>;
    const value = load();
    // A failed parse is cached too: an invalid file is reported without re-reading it until it changes.
    this.entries.set(file, { key, value });
    return value;
  }
}
