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

  it("reads single-quoted speech in both straight and curly marks", () => {
    expect(quotesOf("'Moscow will not leave soon,' said Vera Lund. ‘The bill comes later,’ she added.").map((q) => q.text)).toEqual([
      "Moscow will not leave soon",
      "The bill comes later",
    ]);
  });

  it("does not take apostrophes in contractions, possessives or decades for quote marks", () => {
    expect(quotesOf("Russia's troops don't stay, as in the '90s, and the analysts' view differs.")).toEqual([]);
  });

  it("keeps a single-quoted phrase inside a double quote as part of that quote", () => {
    expect(quotesOf("“They call it a 'peace mission for all of us' today,” he said.").map((q) => q.text)).toEqual([
      "They call it a 'peace mission for all of us' today",
    ]);
  });

  it("ignores a single-quoted term too short to be speech", () => {
    expect(quotesOf("The so-called 'terrorists' were never named.")).toEqual([]);
  });
});
