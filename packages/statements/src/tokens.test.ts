import { describe, expect, it } from "vitest";
import { isWhiteSpace } from "./tokens";

describe("isWhiteSpace", () => {
  it("agrees with the regex class \\s on every UTF-16 code unit", () => {
    const disagree: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isWhiteSpace(code) !== /\s/.test(String.fromCharCode(code))) disagree.push(code);
    expect(disagree).toEqual([]);
  });

  it("treats the NaN of a read past the end as no space", () => {
    expect(isWhiteSpace("a".charCodeAt(5))).toBe(false);
  });
});
