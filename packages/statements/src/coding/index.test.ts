import { readFileSync } from "node:fs";
import type { Codebook } from "@viewpoints/artifacts";
import { describe, expect, it } from "vitest";
import { checkCodebook, createCoder } from "./index";

const file = new URL("../../../../data/codebook.json", import.meta.url);
const codebook = checkCodebook(JSON.parse(readFileSync(file, "utf8")), "data/codebook.json");
const code = createCoder(codebook);

/** A minimal codebook so precedence tests do not depend on how the real cue lists are tuned. */
const tiny: Codebook = {
  frames: [
    { id: "risk", label: { en: "Risk", sv: "Risk" }, description: "", cues: { en: ["danger"], sv: ["fara"] }, weakCues: { en: ["may"], sv: ["kan"] } },
    { id: "consequence", label: { en: "C", sv: "K" }, description: "", cues: { en: ["will"], sv: ["kommer ... att"] } },
    { id: "assessment", label: { en: "A", sv: "B" }, description: "", cues: { en: ["is about"], sv: ["handlar om"] } },
  ],
  themes: [
    { id: "escalation", label: { en: "E", sv: "E" }, description: "", cues: { en: ["violence"], sv: ["våld*"] } },
    { id: "russian-influence", label: { en: "R", sv: "R" }, description: "", cues: { en: ["leverage"], sv: ["inflytande*"] } },
  ],
  hedges: { en: ["may"], sv: ["kanske"] },
};
const codeTiny = createCoder(tiny);

describe("frame precedence", () => {
  it("a risk cue wins over a consequence cue in the same statement", () => {
    expect(codeTiny("There is a danger that Moscow will act", "en").frame).toBe("risk");
  });

  it("a consequence cue wins over a weak risk cue", () => {
    expect(codeTiny("Det kan hända att Moskva kommer nog att agera", "sv").frame).toBe("consequence");
  });

  it("an assessment cue wins over a weak risk cue", () => {
    expect(codeTiny("This is about power, and it may be so", "en").frame).toBe("assessment");
  });

  it("a weak risk cue alone gives risk", () => {
    expect(codeTiny("Moskva kan agera", "sv").frame).toBe("risk");
  });

  it("falls back to the last frame when no cue matches", () => {
    expect(codeTiny("Moscow acted on Thursday", "en").frame).toBe("assessment");
  });

  it("lists themes in codebook order, each once", () => {
    expect(codeTiny("Inflytandet växer, våldet också, och inflytande igen", "sv").themes).toEqual(["escalation", "russian-influence"]);
  });

  it("uses only the statement's language, and both for unknown", () => {
    expect(codeTiny("leverage", "sv").themes).toEqual([]);
    expect(codeTiny("leverage och våld", "unknown").themes).toEqual(["escalation", "russian-influence"]);
  });
});

describe("coding with data/codebook.json", () => {
  it("codes a Swedish expected outcome with inflected cues as consequence", () => {
    const coding = code("Regimen i Astana kommer sannolikt att bli ännu mer beroende av Moskva, och det ryska inflytandet växer.", "sv");
    expect(coding.frame).toBe("consequence");
    expect(coding.themes).toContain("russian-influence");
    expect(coding.hedged).toBe(true);
  });

  it("codes a Swedish warning about staying troops as risk", () => {
    const coding = code("Det finns en fara att trupperna blir kvar i landet i flera år.", "sv");
    expect(coding).toEqual({ frame: "risk", themes: ["troop-entrenchment"], hedged: false });
  });

  it("codes an English conditional as risk with its themes", () => {
    const coding = code("If the mission drags on, Moscow might get bogged down while its attention is on Ukraine.", "en");
    expect(coding.frame).toBe("risk");
    expect(coding.themes).toEqual(expect.arrayContaining(["troop-entrenchment", "ukraine-two-fronts"]));
    expect(coding.hedged).toBe(true);
  });

  it("codes an English outcome as consequence", () => {
    const coding = code("The operation has strengthened the alliance and set a precedent for crushing uprisings.", "en");
    expect(coding.frame).toBe("consequence");
    expect(coding.themes).toContain("csto-precedent");
    expect(coding.hedged).toBe(false);
  });

  it("codes a likely outcome as a hedged consequence in both languages", () => {
    expect(code("Kazakh nationalists are likely to resent the Russian paratroopers.", "en")).toEqual({ frame: "consequence", themes: ["anti-russian-backlash"], hedged: true });
    expect(code("Peking lär inte vara nöjt med utvecklingen.", "sv")).toEqual({ frame: "consequence", themes: ["foreign-policy-balance"], hedged: true });
  });

  it("codes a characterisation without projected effect as assessment", () => {
    const coding = code("Det här handlar i första hand om maktkampen mellan klanerna kring Nazarbajev.", "sv");
    expect(coding).toEqual({ frame: "assessment", themes: ["kazakh-power-struggle"], hedged: false });
  });

  it("gives a background sentence no theme", () => {
    expect(code("Landet blev självständigt 1991 och har i dag omkring 19 miljoner invånare.", "sv").themes).toEqual([]);
    expect(code("The first flights landed in Almaty on Thursday morning.", "en").themes).toEqual([]);
  });

  it("marks hedges in both languages, including multi-word ones", () => {
    expect(code("Han tror att regimen överlever.", "sv").hedged).toBe(true);
    expect(code("I think the regime survives.", "en").hedged).toBe(true);
    expect(code("The regime survives.", "en").hedged).toBe(false);
  });

  it("matches a phrase with a gap across inserted words", () => {
    expect(code("The crisis makes a smooth transfer of power impossible.", "en").frame).toBe("consequence");
  });
});
