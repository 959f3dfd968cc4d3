import { describe, expect, it } from "vitest";
import { CAPITALISED, NON_ASCII, TokenBuffers, tokenize, type TokenList } from "./tokens";

function flagsOf(text: string): Record<string, number> {
  const list = tokenize(text);
  const out: Record<string, number> = {};
  for (let t = 0; t < list.count; t++) out[text.slice(list.starts[t], list.ends[t])] = list.flags[t]!;
  return out;
}

const spans = (list: TokenList) => Array.from({ length: list.count }, (_, t) => [list.starts[t], list.ends[t], list.flags[t]]);

describe("tokenize", () => {
  it("keeps joiners inside a word only when a letter or digit follows", () => {
    expect(Object.keys(flagsOf("Jean-Luc sa x- och UNICEF’s e.Kr. slut"))).toEqual(["Jean-Luc", "sa", "x", "och", "UNICEF’s", "e.Kr", "slut"]);
  });

  it("marks a word non-ASCII by its letters, not by a joining apostrophe", () => {
    const flags = flagsOf("UNICEF’s Åsa gå");
    expect(flags["UNICEF’s"]! & NON_ASCII).toBe(0);
    expect(flags["Åsa"]! & NON_ASCII).toBe(NON_ASCII);
    expect(flags["gå"]! & NON_ASCII).toBe(NON_ASCII);
  });

  it("marks a word capitalised by its first letter only", () => {
    const flags = flagsOf("Öst vÄst 2022 ÅSA");
    expect(flags["Öst"]! & CAPITALISED).toBe(CAPITALISED);
    expect(flags["vÄst"]! & CAPITALISED).toBe(0);
    expect(flags["2022"]!).toBe(0);
    expect(flags["ÅSA"]!).toBe(CAPITALISED | NON_ASCII);
  });

  it("gives the same tokens into reused buffers, across a long text after a short one and a word-dense text that outgrows them", () => {
    const buffers = new TokenBuffers();
    // The 800-char text of 400 words fits the reused arrays by its length, yet outgrows them word by word.
    const texts = ["Åsa sa nej.", "Jean-Luc och UNICEF’s e.Kr. ".repeat(40), "a ".repeat(400), "Öst"];
    for (const text of texts) expect(spans(tokenize(text, 0, text.length, buffers))).toEqual(spans(tokenize(text)));
    expect(buffers.starts.length).toBeGreaterThanOrEqual(400);
  });

  it("does not keep the arrays of a huge text in reused buffers, yet tokenizes it whole", () => {
    const buffers = new TokenBuffers();
    tokenize("Åsa sa nej.", 0, 11, buffers);
    const kept = buffers.starts;
    const huge = "a ".repeat(600_000);
    expect(tokenize(huge, 0, huge.length, buffers).count).toBe(600_000);
    expect(buffers.starts).toBe(kept);
  });
});
