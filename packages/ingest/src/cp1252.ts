/** Windows-1252's printable characters in 0x80–0x9F; the five unassigned bytes keep their C1 code points (as WHATWG does). */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const utf16 = new TextDecoder("utf-16le");

/**
 * Decodes Windows-1252. Node's TextDecoder("windows-1252") treats it as ISO-8859-1 and turns
 * curly quotes, dashes and € into invisible control characters, so the table is applied here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] as number;
    units[i] = b >= 0x80 && b < 0xa0 ? (HIGH[b - 0x80] as number) : b;
  }
  return utf16.decode(units);
}
