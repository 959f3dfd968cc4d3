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

/** The tiny codebook plus the weighing rules, with made-up cue words so each rule is tested on its own. */
const rules: Codebook = {
  frames: [
    { id: "risk", label: { en: "Risk", sv: "Risk" }, description: "", cues: { en: ["threaten*"], sv: ["hotar"] }, auxiliaries: { en: ["could"], sv: ["skulle kunna"] }, weakCues: { en: ["can"], sv: ["kan"] } },
    {
      id: "consequence",
      label: { en: "C", sv: "K" },
      description: "",
      cues: { en: ["undermines", "leads ... to"], sv: ["underminerar", "leder ... till"] },
      auxiliaries: { en: ["will"], sv: ["lär"] },
    },
    { id: "assessment", label: { en: "A", sv: "B" }, description: "", cues: { en: ["is about"], sv: ["handlar om"] } },
  ],
  themes: [
    {
      id: "ukraine-two-fronts",
      label: { en: "U", sv: "U" },
      description: "",
      cues: { en: ["ukrain*"], sv: ["ukrain*"] },
      weakCues: { en: ["attention", "resources"], sv: ["uppmärksamhet*", "resurser*"] },
      anchors: { en: ["kremlin", "moscow"], sv: ["kreml", "moskva"] },
    },
  ],
  hedges: { en: ["could", "might"], sv: ["kan", "skulle kunna"] },
  negators: { en: ["not", "'t", "never"], sv: ["inte", "aldrig"] },
  nonHedges: { en: ["cannot", "can be used"], sv: ["kan inte", "kan användas"] },
  comparisons: { en: ["along the lines of"], sv: ["liksom"] },
};
const codeRules = createCoder(rules);

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

describe("negation scope", () => {
  it("a negator right after a one-word consequence cue cancels it (Swedish verb-second order)", () => {
    expect(codeRules("Det underminerar inte förhandlingarna.", "sv").frame).toBe("assessment");
    expect(codeRules("Det underminerar förhandlingarna.", "sv").frame).toBe("consequence");
  });

  it("a negator right before a cue cancels it, one further away does not", () => {
    expect(codeRules("The deal does not undermine the talks.", "en").frame).toBe("assessment");
    expect(codeRules("This never threatens the regime.", "en").frame).toBe("assessment");
    expect(codeRules("Not only the deal undermines the talks.", "en").frame).toBe("consequence");
  });

  it("a negator in the gap of a gapped cue cancels it", () => {
    expect(codeRules("Det leder inte till något.", "sv").frame).toBe("assessment");
    expect(codeRules("It leads quickly to a crisis.", "en").frame).toBe("consequence");
    expect(codeRules("It doesn't lead to a crisis, it leads not to anything.", "en").frame).toBe("assessment");
  });

  it("a negated risk cue is no risk", () => {
    expect(codeRules("Det hotar inte regimen.", "sv").frame).toBe("assessment");
    expect(codeRules("Det hotar regimen.", "sv").frame).toBe("risk");
  });

  it("never negates auxiliaries: a negated forecast is still a forecast", () => {
    expect(codeRules("Det lär inte få någon betydelse.", "sv").frame).toBe("consequence");
    expect(codeRules("Moscow will not leave soon.", "en").frame).toBe("consequence");
  });
});

describe("ability and certainty modals", () => {
  it("a modal inside a non-hedge phrase is neither a hedge nor a weak risk", () => {
    expect(codeRules("Styrkorna kan användas vid oroligheter.", "sv")).toEqual({ frame: "assessment", themes: [], hedged: false });
    expect(codeRules("The forces can be used at home.", "en").frame).toBe("assessment");
    expect(codeRules("Regimen kan inte överleva utan hjälp.", "sv").hedged).toBe(false);
  });

  it("the same modal outside such a phrase stays a hedge and a weak risk", () => {
    expect(codeRules("Styrkorna kan stanna länge.", "sv")).toEqual({ frame: "risk", themes: [], hedged: true });
    expect(codeRules("The forces can stay for long.", "en").frame).toBe("risk");
    expect(codeRules("Moscow cannot stay for long.", "en").frame).toBe("assessment");
  });
});

describe("theme weighing", () => {
  it("one generic word is not enough for a theme, two different ones are", () => {
    expect(codeRules("Resurserna är knappa.", "sv").themes).toEqual([]);
    expect(codeRules("Resurserna och uppmärksamheten är knappa.", "sv").themes).toEqual(["ukraine-two-fronts"]);
    expect(codeRules("Attention is scarce.", "en").themes).toEqual([]);
  });

  it("the same generic word twice counts once", () => {
    expect(codeRules("Attention, more attention, always attention.", "en").themes).toEqual([]);
  });

  it("an anchor completes a generic word but anchors alone do not make a theme", () => {
    expect(codeRules("The Kremlin's attention is elsewhere.", "en").themes).toEqual(["ukraine-two-fronts"]);
    expect(codeRules("Kreml och Moskva teg.", "sv").themes).toEqual([]);
    expect(codeRules("Kremlin and Moscow kept silent.", "en").themes).toEqual([]);
  });

  it("a strong cue alone gives the theme", () => {
    expect(codeRules("Kriget i Ukraina fortsätter.", "sv").themes).toEqual(["ukraine-two-fronts"]);
  });
});

describe("comparison markers", () => {
  it("a place named as a point of comparison does not give its theme", () => {
    expect(codeRules("Protests could erupt along the lines of Ukraine in 2014.", "en").themes).toEqual([]);
    expect(codeRules("Protester kan bryta ut, liksom i Ukraina.", "sv").themes).toEqual([]);
  });

  it("the same place as the topic does", () => {
    expect(codeRules("Protests could erupt in Ukraine again.", "en").themes).toEqual(["ukraine-two-fronts"]);
    expect(codeRules("Protester kan bryta ut i Ukraina, liksom förr.", "sv").themes).toEqual(["ukraine-two-fronts"]);
  });
});

describe("context of a continuation", () => {
  it("a short statement with no theme of its own takes the themes of its context", () => {
    expect(codeRules("Det är två olika saker.", "sv", "Kriget i Ukraina pågår.").themes).toEqual(["ukraine-two-fronts"]);
    expect(codeRules("That is a separate matter.", "en", "The war in Ukraine goes on.").themes).toEqual(["ukraine-two-fronts"]);
  });

  it("takes only themes from the context, never its frame or hedge", () => {
    expect(codeRules("Moskva kan stanna.", "sv", "Kriget i Ukraina hotar regimen, kanske.")).toEqual({ frame: "risk", themes: ["ukraine-two-fronts"], hedged: true });
    expect(codeRules("Moscow stays.", "en", "The war in Ukraine could threaten the regime.")).toEqual({ frame: "assessment", themes: ["ukraine-two-fronts"], hedged: false });
  });

  it("a statement with a theme of its own keeps it", () => {
    expect(codeTiny("Våldet växer.", "sv", "Inflytandet växer.").themes).toEqual(["escalation"]);
  });

  it("a long statement is coded on its own", () => {
    const long = Array.from({ length: 40 }, () => "ord").join(" ");
    expect(codeRules(long, "sv", "Kriget i Ukraina pågår.").themes).toEqual([]);
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

  it("does not code a denied effect as a consequence, in both languages", () => {
    expect(code("Avtalet underminerar inte samarbetet med grannarna.", "sv").frame).toBe("assessment");
    expect(code("The agreement does not undermine cooperation with the neighbours.", "en").frame).toBe("assessment");
    expect(code("Avtalet underminerar samarbetet med grannarna.", "sv").frame).toBe("consequence");
  });

  it("does not take a modal of permission for a hedge", () => {
    expect(code("Enligt fördraget kan styrkorna användas mot väpnade grupper.", "sv").hedged).toBe(false);
    expect(code("Enligt fördraget kan styrkorna stanna i månader.", "sv").hedged).toBe(true);
  });

  it("lets an explicit characterisation outrank a generic perfect tense", () => {
    expect(code("Det handlar om regimens överlevnad, och det har nu blivit tydligt.", "sv").frame).toBe("assessment");
    expect(code("This is about regime survival, and it has now become clear.", "en").frame).toBe("assessment");
  });

  it("needs a topical word next to a generic one before giving a theme", () => {
    expect(code("Instabiliteten i ekonomin är känd sedan länge.", "sv").themes).not.toContain("escalation");
    expect(code("Instabiliteten kan sprida sig över gränsen till grannländerna.", "sv").themes).toContain("escalation");
    expect(code("The language of the communiqué was dry.", "en").themes).not.toContain("russian-minority");
  });

  it("gives the theme of a strong phrase that starts with a weak word", () => {
    expect(code("Regimen ville krossa upproret med våld.", "sv").themes).toContain("csto-precedent");
    expect(code("Regimen ville krossa motståndet.", "sv").themes).not.toContain("csto-precedent");
  });

  it("matches a phrase with a gap across inserted words", () => {
    expect(code("The crisis makes a smooth transfer of power impossible.", "en").frame).toBe("consequence");
  });
});
