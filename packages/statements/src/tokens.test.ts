import { describe, expect, it } from "vitest";
import { countWords, endsWithGenitive, firstTokenStart, hasAtMostWords, isWhiteSpace, tokenize } from "./tokens";

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

describe("tokenize", () => {
  it("lower-cases exactly the tokens that have upper-case or non-ASCII letters", () => {
    const text = "Kasym-Zjomart Tokajev’s view: the CSTO-led ÖVNING, o'Neil and ÅSA said 2022.";
    for (const t of tokenize(text)) expect(t.lower).toBe(t.text.toLowerCase());
  });
});

describe("hasAtMostWords", () => {
  it("agrees with counting every word", () => {
    const text = "One, two – three four. Five";
    for (let max = 0; max <= 6; max++) expect(hasAtMostWords(text, max)).toBe(countWords(text) <= max);
  });
});

describe("endsWithGenitive", () => {
  it("agrees with the regex /['’]s$/", () => {
    for (const w of ["Kortunov’s", "RIAC's", "s", "'s", "Baunovs", "its", "’S", "x’s "]) expect(endsWithGenitive(w)).toBe(/['’]s$/.test(w));
  });
});

describe("firstTokenStart", () => {
  it("agrees with where tokenize's first token starts, and gives the end for blank text", () => {
    for (const text of ["  – Anna Berg, UI", "\u00a0\u202f\tX", "\u2003word", "", "   "]) {
      expect(firstTokenStart(text, 0, text.length)).toBe(tokenize(text)[0]?.start ?? text.length);
    }
  });
});
