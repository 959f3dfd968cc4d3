import { describe, expect, it } from "vitest";
import { findCues, mayHoldCue, type CueContext } from "./cues";
import { indexPersons } from "./names";
import { repoRules } from "./testing/rules";
import { tokenize } from "./tokens";

const rules = repoRules();
const en = rules.get("en")!;

function contextFor(text: string, persons: { id: string; name: string }[]): CueContext {
  const index = indexPersons(
    persons.map((p) => ({ ...p, role: null, affiliation: null, registered: false })),
    [],
    en.names,
  );
  return { rules: en, findName: index.findName, findOwner: index.findOwner, text };
}

describe("mayHoldCue", () => {
  it("rules out a sentence with no speech verb and no according-to word, which findCues agrees has no cue", () => {
    const text = "Erik Sand travelled to Almaty in January with two colleagues.";
    const tokens = tokenize(text);
    expect(mayHoldCue(tokens, en)).toBe(false);
    expect(findCues(tokens, 0, tokens.length, contextFor(text, [{ id: "erik-sand", name: "Erik Sand" }]))).toEqual([]);
  });

  it("keeps a sentence with a speech verb or an according-to phrase", () => {
    expect(mayHoldCue(tokenize("Erik Sand said the troops would leave."), en)).toBe(true);
    expect(mayHoldCue(tokenize("According to Erik Sand, the troops will leave."), en)).toBe(true);
  });
});

describe("findCues without a cue word", () => {
  it("still meets the names a full search would, joined names included, so the people it discovers are the same", () => {
    const text = "Back in Almaty, Maria Lind and Olga Petrova met the envoys of the council on Monday.";
    const tokens = tokenize(text);
    const index = indexPersons([], [], en.names);
    expect(findCues(tokens, 0, tokens.length, { rules: en, findName: index.findName, findOwner: index.findOwner, text })).toEqual([]);
    expect([...index.discovered.values()]).toEqual(["Maria Lind", "Olga Petrova"]);
  });
});

describe("findCues with a limit", () => {
  it("stops after the first cue when limited to one, and finds both without a limit", () => {
    const text = "Erik Sand said the troops would leave, and Anna Berg said they would stay.";
    const tokens = tokenize(text);
    const ctx = contextFor(text, [
      { id: "erik-sand", name: "Erik Sand" },
      { id: "anna-berg", name: "Anna Berg" },
    ]);
    expect(findCues(tokens, 0, tokens.length, ctx).map((c) => c.speakers)).toEqual([["erik-sand"], ["anna-berg"]]);
    expect(findCues(tokens, 0, tokens.length, ctx, 1).map((c) => c.speakers)).toEqual([["erik-sand"]]);
  });
});
