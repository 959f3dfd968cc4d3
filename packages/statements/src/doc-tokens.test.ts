import { describe, expect, it } from "vitest";
import { paragraphTokens } from "./doc-tokens";
import { tokenize } from "./tokens";

const text = "Kasym-Zjomart said: “RIAC’s view is clear.” Then 2022.\nNext line, Baunov’s turn.";
const paragraphs = [
  { start: 0, end: text.indexOf("\n") },
  { start: text.indexOf("\n") + 1, end: text.length },
];

describe("paragraphTokens", () => {
  it("gives the same tokens as tokenizing the stretch, for every stretch of the text", () => {
    const tokensIn = paragraphTokens(text, paragraphs);
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) expect(tokensIn(from, to)).toEqual(tokenize(text, from, to));
    }
  });

  it("reuses the paragraph's tokens for a stretch that cuts no token", () => {
    const tokensIn = paragraphTokens(text, paragraphs);
    const whole = tokensIn(paragraphs[0]!.start, paragraphs[0]!.end);
    const part = tokensIn(0, text.indexOf(":"));
    expect(part[0]).toBe(whole[0]);
  });
});
