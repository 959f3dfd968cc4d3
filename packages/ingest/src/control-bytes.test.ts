import { describe, expect, it } from "vitest";
import { hasControlBytes, isControlByte } from "./control-bytes";

const SAMPLE = [0x41, 0x0a, 0x09, 0x0d, 0x0c, 0x7f, 0x00, 0x1f, 0x20, 0x80, 0xff, 0x7e, 0x19, 0xc3, 0x01];

/** A view at `offset` into a larger buffer, so word alignment varies. */
function at(offset: number, values: number[]): Uint8Array {
  const backing = new Uint8Array(values.length + 8);
  backing.set(values, offset);
  return backing.subarray(offset, offset + values.length);
}

describe("hasControlBytes", () => {
  it("accepts text whose only controls are tab, line feed, form feed and carriage return", () => {
    const text = new TextEncoder().encode("Räksmörgås\tär\r\ngott\f och\nbillig. ".repeat(20));
    for (let offset = 0; offset < 4; offset += 1) expect(hasControlBytes(at(offset, [...text]))).toBe(false);
  });

  it("finds a single NUL, C0 control or DEL at any position and alignment", () => {
    for (const bad of [0x00, 0x01, 0x08, 0x0b, 0x1b, 0x1f, 0x7f]) {
      for (let length = 1; length <= 13; length += 1) {
        for (let position = 0; position < length; position += 1) {
          const values = Array.from({ length }, (_, i) => (i === position ? bad : 0x61));
          for (let offset = 0; offset < 4; offset += 1) expect(hasControlBytes(at(offset, values))).toBe(true);
        }
      }
    }
  });

  it("agrees with a byte-by-byte check on mixed bytes", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let round = 0; round < 5000; round += 1) {
      const values = Array.from({ length: next() % 24 }, () => SAMPLE[next() % SAMPLE.length] as number);
      const bytes = at(next() % 4, values);
      expect(hasControlBytes(bytes)).toBe(values.some(isControlByte));
    }
  });
});
