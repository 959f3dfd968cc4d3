import { describe, expect, it } from "vitest";
import { compileCues, MAX_GAP, parseCue } from "./matcher";

const matcher = compileCues([
  { pattern: "inflytande*", label: 1 },
  { pattern: "trupp*", label: 2 },
  { pattern: "debt of gratitude", label: 3 },
  { pattern: "kommer ... att", label: 4 },
  { pattern: "moscow", label: 5 },
  { pattern: "'ll", label: 6 },
  { pattern: "dras in", label: 7 },
]);
const labels = (text: string) => [...new Set(matcher(text).hits.map((hit) => hit.label))].sort();

describe("compileCues", () => {
  it("matches a trailing wildcard against inflected forms but not shorter words", () => {
    expect(labels("Inflytandet växer")).toEqual([1]);
    expect(labels("trupperna och truppen")).toEqual([2]);
    expect(labels("inflyt och trup")).toEqual([]);
  });

  it("matches a multi-word phrase only when its words are adjacent", () => {
    expect(labels("a debt of gratitude")).toEqual([3]);
    expect(labels("a debt, not of gratitude")).toEqual([]);
  });

  it("lets ... skip a bounded number of words", () => {
    expect(labels("kommer att")).toEqual([4]);
    expect(labels("kommer sannolikt inte att")).toEqual([4]);
    const filler = Array.from({ length: MAX_GAP + 1 }, () => "nog").join(" ");
    expect(labels(`kommer ${filler} att`)).toEqual([]);
  });

  it("finds words under their possessive base, clitic and compound parts", () => {
    expect(labels("Moscow's grip")).toEqual([5]);
    expect(labels("We’ll see")).toEqual([6]);
    expect(labels("CSTO-trupperna")).toEqual([2]);
  });

  it("restarts a phrase that begins inside a failed one", () => {
    expect(labels("dras dras in")).toEqual([7]);
  });
});

describe("compound heads", () => {
  const heads = compileCues([
    { pattern: "-garant*", label: 1 },
    { pattern: "-skuld", label: 2 },
    { pattern: "står i -skuld*", label: 3 },
    { pattern: "-placement*", label: 4 },
  ]);
  const found = (text: string) => [...new Set(heads(text).hits.map((hit) => hit.label))].sort();

  it("matches a -head cue alone, inflected, and as the last part of a closed or hyphenated compound", () => {
    expect(found("en garant")).toEqual([1]);
    expect(found("trygghetsgaranterna")).toEqual([1]);
    expect(found("Moskva-garanten")).toEqual([1]);
    expect(found("troop placements")).toEqual([4]);
    expect(found("troop-placements")).toEqual([4]);
  });

  it("needs a real modifier in front and, without *, the token to end with the head", () => {
    expect(found("ogarant")).toEqual([]);
    expect(found("tacksamhetsskuld statsskulden")).toEqual([2]);
    expect(found("garantera")).toEqual([1]);
    expect(found("skuldra")).toEqual([]);
  });

  it("uses a compound head inside a phrase", () => {
    expect(found("han står i tacksamhetsskuld")).toEqual([2, 3]);
    expect(found("han står i väntan")).toEqual([]);
  });
});

describe("parseCue", () => {
  it("rejects a wildcard inside a word, a dangling gap and a cue without letters", () => {
    expect(() => parseCue("in*flytande")).toThrow(/only at the end/);
    expect(() => parseCue("... att")).toThrow(/between two words/);
    expect(() => parseCue("--")).toThrow(/no letters/);
    expect(() => parseCue("-nato/eu")).toThrow(/must be one word/);
  });
});
