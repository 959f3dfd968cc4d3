import { decodeWindows1252 } from "./cp1252";

export type Decoded =
  | { ok: true; text: string; encoding: "utf-8" | "windows-1252" }
  | { ok: false; kind: "empty" | "binary"; message: string };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Share of control bytes above which a file is treated as binary; text files have next to none. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Decodes an article's bytes: UTF-8 when valid, else Windows-1252 (a superset of Latin-1 for printable text).
 * Rejects empty and binary files. Line endings become LF so the hash does not depend on the platform.
 */
export function decodeArticle(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, kind: "empty", message: "is empty (0 bytes); skipped" };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, kind: "binary", message: "is UTF-16 text, which is not supported; save it as UTF-8 and run again" };
  }
  let nul = 0;
  let control = 0;
  for (const b of bytes) {
    if (b === 0) nul += 1;
    // Tab, LF, form feed and CR are ordinary in text; other C0 controls and DEL are not.
    else if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) control += 1;
  }
  if (nul > 0) return { ok: false, kind: "binary", message: "looks like a binary file, not text (it contains NUL bytes); skipped" };
  if (control / bytes.length > MAX_CONTROL_SHARE) {
    const share = Math.round((100 * control) / bytes.length);
    return { ok: false, kind: "binary", message: `looks like a binary file, not text (${share}% control characters); skipped` };
  }
  let text: string;
  let encoding: "utf-8" | "windows-1252" = "utf-8";
  try {
    text = utf8.decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
    encoding = "windows-1252";
  }
  return { ok: true, text: toLf(text), encoding };
}

/** CRLF and lone CR (old Mac files) become LF. */
export function toLf(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}
