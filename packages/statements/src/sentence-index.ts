import type { TextRange } from "./quotes";

/**
 * Finds the first range containing an offset, as `ranges.find(r => r.start <= offset && offset < r.end)`
 * would: by binary search when the ranges are sorted and disjoint (the normalizer's sentences are), so a
 * lookup per quote is no scan of the document; by that linear scan otherwise.
 */
export function rangeFinder<R extends TextRange>(ranges: readonly R[]): (offset: number) => R | undefined {
  let ordered = true;
  for (let k = 1; k < ranges.length && ordered; k++) ordered = ranges[k - 1]!.end <= ranges[k]!.start;
  if (!ordered) return (offset) => ranges.find((r) => r.start <= offset && offset < r.end);
  return (offset) => searchRanges(ranges, offset);
}

/** Binary search for a range holding `offset` among ranges sorted by start. */
export function searchRanges<R extends TextRange>(ranges: readonly R[], offset: number): R | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}
