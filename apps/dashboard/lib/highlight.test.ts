import { describe, expect, it } from "vitest";
import { segmentRange } from "./highlight";

describe("segmentRange", () => {
  it("alternates plain text and statements inside a paragraph", () => {
    const spans = [
      { statement_id: "a", start: 12, end: 20 },
      { statement_id: "b", start: 25, end: 30 },
    ];
    expect(segmentRange(10, 35, spans)).toEqual([
      { start: 10, end: 12, statementId: null, anchors: [] },
      { start: 12, end: 20, statementId: "a", anchors: [] },
      { start: 20, end: 25, statementId: null, anchors: [] },
      { start: 25, end: 30, statementId: "b", anchors: [] },
      { start: 30, end: 35, statementId: null, anchors: [] },
    ]);
  });

  it("clips a statement that runs past the paragraph and one that overlaps the previous", () => {
    const spans = [
      { statement_id: "a", start: 0, end: 8 },
      { statement_id: "b", start: 5, end: 50 },
    ];
    expect(segmentRange(0, 12, spans)).toEqual([
      { start: 0, end: 8, statementId: "a", anchors: ["b"] },
      { start: 8, end: 12, statementId: "b", anchors: [] },
    ]);
  });

  it("anchors a statement hidden by an earlier one with the same span", () => {
    const spans = [
      { statement_id: "a", start: 0, end: 8 },
      { statement_id: "b", start: 0, end: 8 },
      { statement_id: "c", start: 4, end: 10 },
    ];
    expect(segmentRange(0, 10, spans)).toEqual([
      { start: 0, end: 8, statementId: "a", anchors: ["b", "c"] },
      { start: 8, end: 10, statementId: "c", anchors: [] },
    ]);
  });

  it("ignores statements outside the range", () => {
    expect(segmentRange(100, 110, [{ statement_id: "a", start: 0, end: 8 }])).toEqual([{ start: 100, end: 110, statementId: null, anchors: [] }]);
  });
});
