import { describe, expect, it } from "vitest";
import { segmentRange } from "./highlight";

describe("segmentRange", () => {
  it("alternates plain text and statements inside a paragraph", () => {
    const spans = [
      { statement_id: "a", start: 12, end: 20 },
      { statement_id: "b", start: 25, end: 30 },
    ];
    expect(segmentRange(10, 35, spans)).toEqual([
      { start: 10, end: 12, statementId: null },
      { start: 12, end: 20, statementId: "a" },
      { start: 20, end: 25, statementId: null },
      { start: 25, end: 30, statementId: "b" },
      { start: 30, end: 35, statementId: null },
    ]);
  });

  it("clips a statement that runs past the paragraph and one that overlaps the previous", () => {
    const spans = [
      { statement_id: "a", start: 0, end: 8 },
      { statement_id: "b", start: 5, end: 50 },
    ];
    expect(segmentRange(0, 12, spans)).toEqual([
      { start: 0, end: 8, statementId: "a" },
      { start: 8, end: 12, statementId: "b" },
    ]);
  });

  it("ignores statements outside the range", () => {
    expect(segmentRange(100, 110, [{ statement_id: "a", start: 0, end: 8 }])).toEqual([{ start: 100, end: 110, statementId: null }]);
  });
});
