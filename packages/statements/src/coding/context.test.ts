import { describe, expect, it } from "vitest";
import { extractStatements } from "../statements";
import { buildDoc, type ParagraphSpec } from "../testing/doc";
import { repoRules } from "../testing/rules";
import { discourseRuns, inheritThemes } from "./context";
import type { Coder } from "./index";

const rules = repoRules();

/** A coder that finds one theme per made-up topic word, so only the context rule is under test. */
const topicCoder: Coder = (text) => ({
  frame: "assessment",
  themes: [text.includes("Ukraina") || text.includes("Ukraine") ? "ukraine-two-fronts" : "", text.includes("Klan") ? "kazakh-power-struggle" : ""].filter(Boolean),
  hedged: false,
});

const themesOf = (paragraphs: (string | ParagraphSpec)[], persons: { id: string; name: string }[]) =>
  extractStatements(buildDoc(paragraphs, persons, { id: "d" }), { rules, coder: topicCoder, registry: new Map() }).map((row) => [row.text.slice(0, 24), row.themes]);

const anna = { id: "anna-lindqvist", name: "Anna Lindqvist" };
const per = { id: "per-holm", name: "Per Holm" };

describe("discourseRuns", () => {
  const quote = (speakers: string, paragraph: number) => ({ speakers, paragraph, authored: false });
  const authored = (paragraph: number) => ({ speakers: "a", paragraph, authored: true });

  it("keeps one speaker's statements in the same or the next paragraph in one run", () => {
    expect(discourseRuns([quote("a", 0), quote("a", 0), quote("a", 1), quote("a", 2)])).toEqual([0, 0, 0, 0]);
  });

  it("starts a new run at another speaker, a skipped paragraph, or a new paragraph of authored text", () => {
    expect(discourseRuns([quote("a", 0), quote("b", 0), quote("a", 0)])).toEqual([0, 1, 2]);
    expect(discourseRuns([quote("a", 0), quote("a", 2)])).toEqual([0, 1]);
    expect(discourseRuns([authored(0), authored(0), authored(1)])).toEqual([0, 0, 1]);
  });
});

describe("inheritThemes", () => {
  const coding = (...themes: string[]) => ({ frame: "assessment", themes, hedged: false });
  const said = (speakers: string, paragraph = 0) => ({ speakers, paragraph, authored: false });
  const wrote = (paragraph = 0) => ({ speakers: "a", paragraph, authored: true });

  it("gives a quote without a theme the themes of both neighbours in its run, in codebook order", () => {
    const out = inheritThemes([coding("escalation"), coding(), coding("russian-influence")], [said("a"), said("a"), said("a")]);
    expect(out[1]?.themes).toEqual(["russian-influence", "escalation"]);
  });

  it("takes nothing from a neighbour in another run", () => {
    const out = inheritThemes([coding("escalation"), coding(), coding("russian-influence")], [said("b"), said("a"), said("a")]);
    expect(out[1]?.themes).toEqual(["russian-influence"]);
  });

  it("keeps a statement's own themes and passes themes on only one step", () => {
    const out = inheritThemes([coding("escalation"), coding("russian-influence"), coding(), coding()], [said("a"), said("a"), said("a"), said("a")]);
    expect(out[1]?.themes).toEqual(["russian-influence"]);
    expect(out[2]?.themes).toEqual(["russian-influence"]);
    expect(out[3]?.themes).toEqual([]);
  });

  it("gives an authored sentence only a theme both neighbours in its paragraph share", () => {
    const between = inheritThemes([coding("escalation", "russian-influence"), coding(), coding("escalation")], [wrote(), wrote(), wrote()]);
    expect(between[1]?.themes).toEqual(["escalation"]);
    const after = inheritThemes([coding("escalation"), coding(), coding()], [wrote(), wrote(), wrote()]);
    expect(after[1]?.themes).toEqual([]);
    const acrossParagraphs = inheritThemes([coding("escalation"), coding(), coding("escalation")], [wrote(0), wrote(1), wrote(1)]);
    expect(acrossParagraphs[1]?.themes).toEqual([]);
  });
});

describe("context rule in the statements stage", () => {
  it("lets a dash quote continue the theme of the report before it, whatever its length", () => {
    const long = Array.from({ length: 40 }, () => "ord").join(" ");
    const rows = themesOf(["Anna Lindqvist tror att kriget i Ukraina drar ut på tiden.", `– Det är två helt olika saker, ${long}, säger hon.`], [anna]);
    expect(rows.map(([, themes]) => themes)).toEqual([["ukraine-two-fronts"], ["ukraine-two-fronts"]]);
  });

  it("lets an introduction take the theme of the quote that follows it", () => {
    const rows = themesOf(["Anna Lindqvist säger att läget är allvarligt.", "– Kriget i Ukraina kan blossa upp igen, säger hon."], [anna]);
    expect(rows.map(([, themes]) => themes)).toEqual([["ukraine-two-fronts"], ["ukraine-two-fronts"]]);
  });

  it("takes nothing from another speaker's statement", () => {
    const rows = themesOf(["Anna Lindqvist tror att kriget i Ukraina drar ut på tiden.", "Per Holm menar att det är två olika saker."], [anna, per]);
    expect(rows.map(([, themes]) => themes)).toEqual([["ukraine-two-fronts"], []]);
  });

  it("in an authored piece, gives a sentence the theme of the paragraph sentences on both sides of it", () => {
    const rows = themesOf(
      [
        { text: "Därför vinner Moskva", kind: "title" },
        "Analys. Läget är oklart, skriver Lena Ahl, forskare vid Institutet för säkerhetsstudier.",
        "Klanerna slåss om makten. Det är inget nytt. Klanerna har alltid gjort så.",
        "Ingen väntade sig detta.",
        "Lena Ahl",
        "Forskare vid Institutet för säkerhetsstudier.",
      ],
      [{ id: "lena-ahl", name: "Lena Ahl" }],
    );
    expect(rows.map(([, themes]) => themes)).toEqual([[], ["kazakh-power-struggle"], ["kazakh-power-struggle"], ["kazakh-power-struggle"], []]);
  });
});
