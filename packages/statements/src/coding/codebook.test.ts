import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkCodebook, CODEBOOK_THEME_IDS } from "./codebook";

const file = new URL("../../../../data/codebook.json", import.meta.url);
const good = () => JSON.parse(readFileSync(file, "utf8")) as { themes: { id: string; cues: { sv: string[] } }[]; frames: unknown[]; hedges: { en: string[] } };

describe("checkCodebook", () => {
  it("accepts the shipped codebook with the ten theme ids", () => {
    expect(checkCodebook(good(), "data/codebook.json").themes.map((t) => t.id)).toEqual([...CODEBOOK_THEME_IDS]);
  });

  it("names the file and the unknown theme id", () => {
    const bad = good();
    bad.themes[0]!.id = "russian-power";
    expect(() => checkCodebook(bad, "data/codebook.json")).toThrow(/data\/codebook\.json: themes: unknown theme id "russian-power"/);
  });

  it("names a missing theme", () => {
    const bad = good();
    bad.themes.pop();
    expect(() => checkCodebook(bad, "cb.json")).toThrow(/cb\.json: themes: missing theme "escalation"/);
  });

  it("names the field of an empty cue list", () => {
    const bad = good();
    bad.themes[1]!.cues.sv = [];
    expect(() => checkCodebook(bad, "cb.json")).toThrow(/cb\.json: themes\.1\.cues \(csto-precedent\)\.sv: list at least one cue/);
  });

  it("names the position of a malformed cue", () => {
    const bad = good();
    bad.hedges.en[2] = "may*be";
    expect(() => checkCodebook(bad, "cb.json")).toThrow(/cb\.json: hedges\.en\.2: .*only at the end/);
  });

  it("reports schema problems with their field path", () => {
    const bad = good();
    bad.frames.pop();
    expect(() => checkCodebook(bad, "cb.json")).toThrow(/cb\.json: invalid record\n\s+frames:/);
  });
});
