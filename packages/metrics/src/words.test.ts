import { describe, expect, it } from "vitest";
import { countWords } from "./words";

describe("countWords", () => {
  it("counts whitespace-separated words including Swedish letters and numbers", () => {
    expect(countWords("Det är åtta färjor kvar i 2022")).toBe(7);
  });

  it("does not count a dash or a lone quotation mark as a word", () => {
    expect(countWords("– Det återstår att se , ” sa hon")).toBe(6);
  });

  it("treats no-break spaces and newlines as separators", () => {
    expect(countWords("one\u00a0two\nthree\t four")).toBe(4);
  });

  it("returns zero for empty or punctuation-only text", () => {
    expect(countWords("")).toBe(0);
    expect(countWords(" … — « » ")).toBe(0);
  });
});
