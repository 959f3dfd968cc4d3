import { describe, expect, it } from "vitest";
import { HASH_START, hashStep, TokenStrings } from "./token-strings";

function keep(strings: TokenStrings, text: string, start: number, end: number): number {
  let hash = HASH_START;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return strings.find(text, start, end, hash, /[^a-z]/.test(text.slice(start, end)));
}

describe("TokenStrings", () => {
  it("keeps one entry per distinct text wherever it stands, with its lower case", () => {
    const strings = new TokenStrings();
    const text = "Almaty och ALMATY och Almaty";
    const first = keep(strings, text, 0, 6);
    expect(keep(strings, text, 22, 28)).toBe(first);
    expect(keep(strings, text, 11, 17)).not.toBe(first);
    expect([strings.text(first), strings.lower(first)]).toEqual(["Almaty", "almaty"]);
    expect(strings.lower(keep(strings, text, 11, 17))).toBe("almaty");
    expect(keep(strings, text, 7, 10)).toBe(keep(strings, text, 18, 21));
  });

  it("finds every kept text again after growing well past its first size", () => {
    const strings = new TokenStrings();
    const words = Array.from({ length: 20_000 }, (_, i) => `Ord${i}`);
    const entries = words.map((w) => keep(strings, w, 0, w.length));
    expect(words.map((w) => keep(strings, w, 0, w.length))).toEqual(entries);
    expect(entries.map((e) => strings.lower(e))).toEqual(words.map((w) => w.toLowerCase()));
  });
});
