import { describe, expect, it } from "vitest";
import { findQuotes } from "./quotes";

function quotesOf(...paragraphs: string[]) {
  const text = paragraphs.join("\n");
  let offset = 0;
  const ranges = paragraphs.map((p, index) => {
    const r = { start: offset, end: offset + p.length, index };
    offset += p.length + 1;
    return r;
  });
  const sentenceEnd = (at: number) => {
    const m = /[.!?](\s|$)/.exec(text.slice(at));
    return m ? at + m.index + 1 : text.length;
  };
  return findQuotes(text, ranges, sentenceEnd).map((q) => ({ text: text.slice(q.start, q.end), closed: q.closed, continues: q.continues }));
}

describe("findQuotes", () => {
  it("pairs Swedish ” marks that open and close alike", () => {
    expect(quotesOf("Han kallade dem ”terrorister” och talade om ”yttre hot”.").map((q) => q.text)).toEqual(["terrorister", "yttre hot"]);
  });

  it("accepts two apostrophes as a closing mark", () => {
    expect(quotesOf("“This was the only option,'' he added.").map((q) => q.text)).toEqual(["This was the only option"]);
  });

  it("continues a quote into the next paragraph when that paragraph opens with a quotation mark", () => {
    expect(quotesOf("“The first phase is over.", "“The second will be harder,” she said.")).toEqual([
      { text: "The first phase is over.", closed: false, continues: false },
      { text: "The second will be harder", closed: true, continues: true },
    ]);
  });

  it("cuts a quote that is never closed at the end of its sentence", () => {
    expect(quotesOf("“We must not get sucked in. The crisis comes at an awkward time.").map((q) => q.text)).toEqual(["We must not get sucked in."]);
  });
});
