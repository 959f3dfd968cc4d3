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

describe("outcome words", () => {
  const outcomes: Codebook = {
    ...rules,
    frames: rules.frames.map((frame) => (frame.id === "consequence" ? { ...frame, outcomes: { en: ["gained", "paid off"], sv: ["vann", "billig* för"] } } : frame)),
  };
  const codeOutcomes = createCoder(outcomes);

  it("codes a plain-tense outcome as consequence when the statement names an actor", () => {
    expect(codeOutcomes("Kreml vann på affären.", "sv").frame).toBe("consequence");
    expect(codeOutcomes("Det här blev billigt för Moskva.", "sv").frame).toBe("consequence");
    expect(codeOutcomes("For the Kremlin the gamble paid off.", "en").frame).toBe("consequence");
  });

  it("leaves the same words without an actor, or negated, as assessment", () => {
    expect(codeOutcomes("Laget vann matchen i fjol.", "sv").frame).toBe("assessment");
    expect(codeOutcomes("The team gained ground in the second half.", "en").frame).toBe("assessment");
    expect(codeOutcomes("Moscow never gained much from it.", "en").frame).toBe("assessment");
  });

  it("lets a risk cue outrank an outcome word", () => {
    expect(codeOutcomes("Moscow gained, but it threatens the balance.", "en").frame).toBe("risk");
  });
});

describe("coding sentences of unseen kinds with data/codebook.json", () => {
  it("finds theme cues inside Swedish compounds and hyphenated words", () => {
    expect(code("Ryssland framstår nu som regionens enda säkerhetsgarant.", "sv").themes).toContain("russian-influence");
    expect(code("Tokajev står i tacksamhetsskuld till Kreml.", "sv").themes).toContain("russian-influence");
    expect(code("Det var ett försök till statskupp inifrån eliten.", "sv").themes).toContain("kazakh-power-struggle");
    expect(code("ODKB-operationen var främst en politisk signal.", "sv").themes).toContain("csto-precedent");
  });

  it("does not read a theme into a compound that only ends like a cue", () => {
    expect(code("Statsskulden växte under året.", "sv").themes).toEqual([]);
    expect(code("Kommunen höjde signalskyddet i mars.", "sv").themes).toEqual([]);
  });

  it("recognises dependence, templates and backlash in plain words in both languages", () => {
    expect(code("Astana blir ännu mer av en lydstat, med Kreml som har sista ordet.", "sv").themes).toContain("russian-influence");
    expect(code("The new government owes Moscow a favour and will repay it.", "en").themes).toContain("russian-influence");
    expect(code("Operationen kan bli en mall för andra regimer som fruktar uppror.", "sv").themes).toContain("csto-precedent");
    expect(code("Other leaders in the region will see the operation as a template.", "en").themes).toContain("csto-precedent");
    expect(code("Många ser de ryska soldaterna som en ockupationsmakt.", "sv").themes).toContain("anti-russian-backlash");
    expect(code("Young people felt humiliated by the sight of foreign soldiers.", "en").themes).toContain("anti-russian-backlash");
    expect(code("Det gamla gardet kring den förre presidenten har fått ge sig.", "sv").themes).toContain("kazakh-power-struggle");
    expect(code("Tokayev sidelined the old guard within weeks.", "en").themes).toContain("kazakh-power-struggle");
  });

  it("reads Russia winning as Russian influence, and elite troops not as an elite struggle", () => {
    expect(code("Det är uppenbart att Kreml vann mest på krisen.", "sv").themes).toContain("russian-influence");
    expect(code("In the end, Moscow emerged stronger.", "en").themes).toContain("russian-influence");
    expect(code("Russia sent elite troops to Kazakhstan.", "en").themes).not.toContain("kazakh-power-struggle");
    expect(code("The ruling elite in Kazakhstan is split into rival factions.", "en").themes).toContain("kazakh-power-struggle");
  });

  it("recognises Russian domestic politics and Kazakhstan's external balance in plain words", () => {
    expect(code("Operationen var också ett budskap till den ryska oppositionen inför presidentvalet i Ryssland.", "sv").themes).toContain("russian-domestic");
    expect(code("The rally around the flag helps Putin's ratings before the Duma elections.", "en").themes).toContain("russian-domestic");
    expect(code("Västerländska företag oroar sig för investeringsklimatet.", "sv").themes).toContain("foreign-policy-balance");
    expect(code("Astana wants to remain a reliable partner between Russia and China.", "en").themes).toContain("foreign-policy-balance");
    expect(code("Kazakstan är medlem i flera regionala organisationer.", "sv").themes).toEqual([]);
  });

  it("links a stance on Crimea to Ukraine", () => {
    expect(code("Astana har vägrat att erkänna Krim som ryskt.", "sv").themes).toContain("ukraine-two-fronts");
    expect(code("Astana has refused to recognise Crimea as Russian territory.", "en").themes).toContain("ukraine-two-fronts");
  });

  it("keeps background sentences free of themes", () => {
    expect(code("Protesterna började den 2 januari i staden Zjanaozen.", "sv")).toEqual({ frame: "assessment", themes: [], hedged: false });
    expect(code("The protests began on 2 January in the town of Zhanaozen.", "en")).toEqual({ frame: "assessment", themes: [], hedged: false });
    expect(code("Planet lämnade Almaty strax efter midnatt.", "sv").themes).toEqual([]);
  });

  it("codes a plain past-tense outcome for an actor as consequence", () => {
    expect(code("Insatsen blev en seger för Moskva.", "sv").frame).toBe("consequence");
    expect(code("In the end, Beijing gained the most from the crisis.", "en").frame).toBe("consequence");
    expect(code("För Kreml var operationen billig.", "sv").frame).toBe("assessment");
  });

  it("codes a counterfactual as risk and a made-harder effect as consequence, in both languages", () => {
    expect(code("Om upproret hade spridit sig hade regimen fallit.", "sv").frame).toBe("risk");
    expect(code("If the uprising had spread, the regime would have fallen.", "en").frame).toBe("risk");
    expect(code("Han talade om att han hade varit där.", "sv").frame).toBe("assessment");
    expect(code("Krisen har gjort det svårare för regeringen att söka stöd i väst.", "sv").frame).toBe("consequence");
    expect(code("The crisis made it harder for the government to court the West.", "en").frame).toBe("consequence");
  });
});
