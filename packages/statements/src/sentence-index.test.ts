import { describe, expect, it } from "vitest";
import { rangeFinder } from "./sentence-index";

const linear = (ranges: { start: number; end: number }[], offset: number) => ranges.find((r) => r.start <= offset && offset < r.end);

describe("rangeFinder", () => {
  it("finds the range holding an offset in sorted ranges, and none in the gaps", () => {
    const ranges = [
      { start: 0, end: 5 },
      { start: 7, end: 9 },
      { start: 9, end: 20 },
    ];
    const find = rangeFinder(ranges);
    for (let offset = -1; offset <= 21; offset++) expect(find(offset)).toBe(linear(ranges, offset));
  });

  it("returns the first of overlapping ranges, as a linear scan does", () => {
    const ranges = [
      { start: 5, end: 15 },
      { start: 0, end: 10 },
      { start: 8, end: 12 },
    ];
    const find = rangeFinder(ranges);
    for (let offset = 0; offset <= 16; offset++) expect(find(offset)).toBe(linear(ranges, offset));
  });
});
