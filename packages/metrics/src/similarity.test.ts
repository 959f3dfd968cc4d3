import { describe, expect, it } from "vitest";
import { cosine, similarityRows } from "./similarity";

describe("cosine", () => {
  it("is 1 for profiles pointing the same way whatever their size", () => {
    expect(cosine([1, 2, 0], [2, 4, 0])).toBeCloseTo(1, 12);
  });

  it("is 0 for speakers with no theme in common", () => {
    expect(cosine([3, 0, 0], [0, 1, 5])).toBe(0);
  });

  it("is null when either speaker has no themed statement", () => {
    expect(cosine([0, 0, 0], [1, 0, 0])).toBeNull();
    expect(cosine([1, 0], [0, 0])).toBeNull();
  });

  it("matches the textbook formula on an uneven pair", () => {
    expect(cosine([1, 2, 3], [4, 0, 1])).toBeCloseTo(7 / (Math.sqrt(14) * Math.sqrt(17)), 12);
  });
});

describe("similarityRows", () => {
  const themes = ["t-one", "t-two", "t-three", "t-four"];

  it("splits themes into both, a only, b only and neither", () => {
    const [row] = similarityRows(
      [
        { speakerId: "a", statements: 9, counts: [2, 1, 0, 0] },
        { speakerId: "b", statements: 9, counts: [1, 0, 4, 0] },
      ],
      themes,
      5,
    );
    expect(row).toMatchObject({ speaker_a: "a", speaker_b: "b", themes_both: ["t-one"], themes_a_only: ["t-two"], themes_b_only: ["t-three"], themes_neither: ["t-four"], low_n: false });
  });

  it("makes one row per unordered pair and flags pairs where either side is below the threshold", () => {
    const rows = similarityRows(
      [
        { speakerId: "a", statements: 9, counts: [1, 0, 0, 0] },
        { speakerId: "b", statements: 2, counts: [1, 0, 0, 0] },
        { speakerId: "c", statements: 5, counts: [0, 1, 0, 0] },
      ],
      themes,
      5,
    );
    expect(rows.map((r) => [r.speaker_a, r.speaker_b, r.low_n])).toEqual([
      ["a", "b", true],
      ["a", "c", false],
      ["b", "c", true],
    ]);
  });
});
