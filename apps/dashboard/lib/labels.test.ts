import { describe, expect, it } from "vitest";
import type { Codebook } from "@viewpoints/artifacts";
import { labelsFor, toUiLang } from "./labels";

const codebook: Codebook = {
  frames: [
    { id: "risk", label: { en: "Risk", sv: "Risk" }, description: "", cues: { en: [], sv: [] } },
    { id: "consequence", label: { en: "Consequence", sv: "Konsekvens" }, description: "", cues: { en: [], sv: [] } },
    { id: "assessment", label: { en: "Assessment", sv: "Bedömning" }, description: "", cues: { en: [], sv: [] } },
  ],
  themes: [{ id: "made-up", label: { en: "Made up", sv: "Påhittat" }, description: "", cues: { en: [], sv: [] } }],
  hedges: { en: [], sv: [] },
};

describe("labelsFor", () => {
  it("takes theme and frame labels in the chosen language from the codebook", () => {
    const sv = labelsFor({ codebook }, "sv");
    expect(sv.theme("made-up")).toBe("Påhittat");
    expect(sv.frame("consequence")).toBe("Konsekvens");
  });

  it("falls back to a readable id when the codebook lacks a theme or is absent", () => {
    expect(labelsFor({ codebook }, "en").theme("new-theme")).toBe("New theme");
    expect(labelsFor({ codebook: null }, "en").frame("risk")).toBe("Risk");
  });

  it("orders theme ids as the codebook does, then appends unknown ones", () => {
    expect(labelsFor({ codebook }, "en").themeIds(["zeta", "made-up"])).toEqual(["made-up", "zeta"]);
  });

  it("prefers the labels the run recorded in metrics.json over the current codebook", () => {
    const labels = labelsFor({ codebook, themeLabels: [{ id: "made-up", en: "As run", sv: "Som körd" }] }, "sv");
    expect(labels.theme("made-up")).toBe("Som körd");
    expect(labels.frame("assessment")).toBe("Bedömning");
  });
});

describe("toUiLang", () => {
  it("accepts sv and defaults everything else to en", () => {
    expect(toUiLang("sv")).toBe("sv");
    expect(toUiLang("de")).toBe("en");
    expect(toUiLang(undefined)).toBe("en");
  });
});
