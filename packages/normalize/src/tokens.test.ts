import { describe, expect, it } from "vitest";
import { CAPITALISED, NON_ASCII, tokenize } from "./tokens";

function flagsOf(text: string): Record<string, number> {
  const list = tokenize(text);
  const out: Record<string, number> = {};
  for (let t = 0; t < list.count; t++) out[text.slice(list.starts[t], list.ends[t])] = list.flags[t]!;
  return out;
}

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
});
