import { describe, expect, it } from "vitest";
import { decodeArticle, encodingWarning } from "./decode";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeArticle", () => {
  it("decodes UTF-8, drops the byte-order mark and turns CRLF and lone CR into LF", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Första raden\r\nandra\rtredje")]);
    expect(decodeArticle(bytes)).toEqual({ ok: true, text: "Första raden\nandra\ntredje", encoding: "utf-8", strayBytes: 0 });
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8", () => {
    // "Tokajev säger – 5 €" in cp1252: ä = E4, en dash = 96, euro = 80.
    const bytes = new Uint8Array([...utf8("Tokajev s"), 0xe4, ...utf8("ger "), 0x96, ...utf8(" 5 "), 0x80]);
    expect(decodeArticle(bytes)).toEqual({ ok: true, text: "Tokajev säger – 5 €", encoding: "windows-1252", strayBytes: 0 });
  });

  it("keeps a mostly UTF-8 file as UTF-8 and reads only its stray bytes as Windows-1252", () => {
    const bytes = new Uint8Array([...utf8("Åsa och Örjan: "), 0x93, ...utf8("citat"), 0x94, ...utf8(" – slut")]);
    const decoded = decodeArticle(bytes);
    expect(decoded).toEqual({ ok: true, text: "Åsa och Örjan: “citat” – slut", encoding: "utf-8", strayBytes: 2 });
    expect(decoded.ok && encodingWarning(decoded)).toBe("is UTF-8 except for 2 bytes; read those as Windows-1252. Check the text there, or fix the file");
  });

  it("rejects an empty file as empty", () => {
    expect(decodeArticle(new Uint8Array())).toEqual({ ok: false, kind: "empty", message: "is empty (0 bytes); skipped" });
  });

  it("rejects a file with NUL bytes as binary", () => {
    const result = decodeArticle(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x41]));
    expect(result).toMatchObject({ ok: false, kind: "binary", message: expect.stringContaining("contains NUL bytes") });
  });

  it("rejects a file made mostly of control characters as binary", () => {
    const result = decodeArticle(new Uint8Array([0x01, 0x02, 0x03, 0x41, 0x42, 0x1b, 0x7f, 0x05]));
    expect(result).toMatchObject({ ok: false, kind: "binary", message: expect.stringMatching(/\d+% control characters/) });
  });

  it("names UTF-16 files instead of calling them binary", () => {
    const result = decodeArticle(new Uint8Array([0xff, 0xfe, 0x41, 0x00]));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("UTF-16") });
  });
});
