import { describe, expect, it } from "vitest";
import { splitGluedHeading, unwrapParagraphs } from "./unwrap";

const starters = new Set(["the", "for", "a", "in", "but", "with"]);

// A wire story hard-wrapped at about 70 columns, with a short first line per paragraph.
const WRAPPED = [
  "Officials in the capital",
  "said on Monday that the new water treaty would be signed before the end",
  "of the month, despite objections from farmers in the north of the",
  "country. \u201cWe have waited long enough,\u201d the minister told reporters.",
  "The opposition called the deal",
  "rushed and said it would take the matter to the constitutional court if",
  "parliament did not hold a public hearing first.",
  "Farm protests The farmers' union",
  "announced a march on the capital for next week, and local councils in",
  "three provinces have already voted to support it.",
].join("\n");

describe("unwrapParagraphs", () => {
  it("reads Windows and old Mac line breaks like plain ones", () => {
    expect(unwrapParagraphs(WRAPPED.replace(/\n/g, "\r\n"), starters)).toEqual(unwrapParagraphs(WRAPPED, starters));
    expect(unwrapParagraphs("First line.\r\rSecond line.\rThird line.", starters)).toEqual(["First line.", "Second line.", "Third line."]);
  });

  it("re-joins a hard-wrapped text into its paragraphs", () => {
    const paragraphs = unwrapParagraphs(WRAPPED, starters);
    expect(paragraphs).toEqual([
      "Officials in the capital said on Monday that the new water treaty would be signed before the end of the month, despite objections from farmers in the north of the country. \u201cWe have waited long enough,\u201d the minister told reporters.",
      "The opposition called the deal rushed and said it would take the matter to the constitutional court if parliament did not hold a public hearing first.",
      "Farm protests",
      "The farmers' union announced a march on the capital for next week, and local councils in three provinces have already voted to support it.",
    ]);
  });

  it("keeps one paragraph per line in text that is not wrapped", () => {
    const text = "Rubrik här\nEn första mening.\n– Ett citat.\n\nEn annan paragraf.";
    expect(unwrapParagraphs(text, starters)).toEqual(["Rubrik här", "En första mening.", "– Ett citat.", "En annan paragraf."]);
  });

  it("ends a quoted headline and a caption in parentheses at their closing marks", () => {
    const text = [
      "\u201cA Treaty Signed in",
      "Haste Could Have Long Consequences\u201d",
      "(Farmers marching towards the",
      "capital on Monday.)",
      "Officials said on Monday that the treaty",
      "would be signed before the end of the month, despite objections from the",
      "farmers in the north, who fear for their water rights and their harvest.",
    ].join("\n");
    expect(unwrapParagraphs(text, starters)).toEqual([
      "\u201cA Treaty Signed in Haste Could Have Long Consequences\u201d",
      "(Farmers marching towards the capital on Monday.)",
      "Officials said on Monday that the treaty would be signed before the end of the month, despite objections from the farmers in the north, who fear for their water rights and their harvest.",
    ]);
  });
});

describe("unwrapParagraphs with blank lines between short wrapped paragraphs", () => {
  // Each paragraph is two or three lines long, so no single block shows enough wrapping on its own.
  const SWEDISH = [
    "Regeringens nya budget väckte kritik från flera håll under tisdagen,",
    "skriver Lena Ek, ekonom vid banken.",
    "",
    "– Man har lånat till löpande utgifter i två år nu. Det",
    "är inte hållbart på sikt, och det vet alla i branschen, säger",
    "hon.",
    "",
    "Oppositionen vill ha en debatt i riksdagen redan nästa vecka och",
    "kräver att finansministern förklarar sig inför utskottet.",
    "",
    "– Vi har väntat länge nog.",
    "– Nu måste det hända något, säger Per Holm.",
  ].join("\n");

  it("re-joins a dash quote broken mid-sentence so its attribution stays with it", () => {
    const paragraphs = unwrapParagraphs(SWEDISH, starters);
    expect(paragraphs[1]).toBe("– Man har lånat till löpande utgifter i två år nu. Det är inte hållbart på sikt, och det vet alla i branschen, säger hon.");
    expect(paragraphs[2]).toBe("Oppositionen vill ha en debatt i riksdagen redan nästa vecka och kräver att finansministern förklarar sig inför utskottet.");
  });

  it("starts a new paragraph at a line opening with a dash after a finished sentence", () => {
    const paragraphs = unwrapParagraphs(SWEDISH, starters);
    expect(paragraphs.slice(-2)).toEqual(["– Vi har väntat länge nog.", "– Nu måste det hända något, säger Per Holm."]);
  });

  it("keeps short unwrapped blocks line by line", () => {
    const text = "Headline of the day\nBy Jane Roe\n\nThe council met on Monday.\nIt voted on the budget.\n\nNo decision was taken.";
    expect(unwrapParagraphs(text, starters)).toEqual(["Headline of the day", "By Jane Roe", "The council met on Monday.", "It voted on the budget.", "No decision was taken."]);
  });
});

describe("splitGluedHeading", () => {
  it("splits a short heading from the capitalised function word that starts the paragraph", () => {
    expect(splitGluedHeading("Domestic risks The crisis", starters)).toEqual(["Domestic risks", "The crisis"]);
    expect(splitGluedHeading("Grip on power For others,", starters)).toEqual(["Grip on power", "For others,"]);
  });

  it("leaves ordinary sentence starts alone", () => {
    expect(splitGluedHeading("Though Kazakhstan has a large", starters)).toBeNull();
    expect(splitGluedHeading("However, with Russia's armed", starters)).toBeNull();
    expect(splitGluedHeading("The crisis in Kazakhstan comes at", starters)).toBeNull();
    expect(splitGluedHeading("In the end", starters)).toBeNull();
  });
});
