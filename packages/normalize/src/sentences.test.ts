import { describe, expect, it } from "vitest";
import { splitSentences, TerminatorIndex } from "./sentences";
import { testContext } from "./test-context";

const context = testContext([]);
const sv = context.languages.get("sv")!.sentences;
const en = context.languages.get("en")!.sentences;

function split(text: string, rules = sv): string[] {
  return splitSentences(text, rules).map((s) => text.slice(s.start, s.end));
}

describe("splitSentences, Swedish", () => {
  it("does not break after abbreviations such as t.ex., bl.a., d.v.s., dvs. and ca.", () => {
    const text = "Flera länder, t.ex. Kina och bl.a. Turkiet, reagerade. Det var ca. tio dagar, d.v.s. en vecka och dvs. mer. Nästa mening.";
    expect(split(text)).toEqual([
      "Flera länder, t.ex. Kina och bl.a. Turkiet, reagerade.",
      "Det var ca. tio dagar, d.v.s. en vecka och dvs. mer.",
      "Nästa mening.",
    ]);
  });

  it("keeps initials with the surname", () => {
    expect(split("Det skriver J. Hedenskog i en analys. Han är forskare.")).toEqual([
      "Det skriver J. Hedenskog i en analys.",
      "Han är forskare.",
    ]);
  });

  it("keeps numbers with spaces, decimal commas and dates whole", () => {
    const text = "2 500 soldater skickades, 3,5 miljoner är ryssar och 3.5 procent flydde den 5. januari. Sedan lugnade det sig.";
    expect(split(text)).toEqual([
      "2 500 soldater skickades, 3,5 miljoner är ryssar och 3.5 procent flydde den 5. januari.",
      "Sedan lugnade det sig.",
    ]);
  });

  it("keeps a quote and its attribution in one sentence", () => {
    expect(split("”Vi tolererar inga färgrevolutioner”, säger Persson till TT. Hon fortsätter.")).toEqual([
      "”Vi tolererar inga färgrevolutioner”, säger Persson till TT.",
      "Hon fortsätter.",
    ]);
  });

  it("splits a multi-sentence quote at its inner sentence end and keeps the attribution with the last part", () => {
    expect(split("Signalen är: “Vi är herre i vårt eget hus. Vi kan ta hand om det här”, säger Gudrun Persson.")).toEqual([
      "Signalen är: “Vi är herre i vårt eget hus.",
      "Vi kan ta hand om det här”, säger Gudrun Persson.",
    ]);
  });

  it("splits a dash-quote paragraph into its sentences", () => {
    expect(split("– Det återstår att se. Man har sagt tio dagar. De kom dit snabbt, säger han.")).toEqual([
      "– Det återstår att se.",
      "Man har sagt tio dagar.",
      "De kom dit snabbt, säger han.",
    ]);
  });

  it("keeps a list number with its item and a time after kl. whole", () => {
    expect(split("1. Trupperna lämnar landet kl. 14.30 på torsdag. Sedan blir det lugnt.")).toEqual([
      "1. Trupperna lämnar landet kl. 14.30 på torsdag.",
      "Sedan blir det lugnt.",
    ]);
  });

  it("gives offsets into the text it was given", () => {
    const text = "xx Första meningen. Andra meningen.";
    expect(splitSentences(text, sv, 3)).toEqual([
      { start: 3, end: 19 },
      { start: 20, end: 35 },
    ]);
  });
});

describe("splitSentences, English", () => {
  it("does not break after Mr., Dr., St., e.g., i.e. or U.S. inside a sentence", () => {
    const text = "Mr. Smith met Dr. Jones in St. Petersburg, e.g. at the U.S. embassy, i.e. officially. They talked.";
    expect(split(text, en)).toEqual(["Mr. Smith met Dr. Jones in St. Petersburg, e.g. at the U.S. embassy, i.e. officially.", "They talked."]);
  });

  it("ends a sentence on an abbreviation when a capitalised function word follows", () => {
    expect(split("Relations were friendly since the end of the U.S.S.R. With Russia now in charge, that may change.", en)).toEqual([
      "Relations were friendly since the end of the U.S.S.R.",
      "With Russia now in charge, that may change.",
    ]);
  });

  it("keeps a closing quote followed by the attribution in one sentence", () => {
    const text = "“For now, this is less an intervention than a police operation,” said Andrei Kortunov, head of RIAC. “But if it drags on, it could mount up.”";
    expect(split(text, en)).toEqual([
      "“For now, this is less an intervention than a police operation,” said Andrei Kortunov, head of RIAC.",
      "“But if it drags on, it could mount up.”",
    ]);
  });

  it("keeps a question or exclamation inside a quote with a lower-case attribution", () => {
    expect(split("“Is this the only option?” he asked. “No!” she said.", en)).toEqual(["“Is this the only option?” he asked.", "“No!” she said."]);
  });

  it("does not break in decimals, compounds like U.S.-Russia or R.Politik", () => {
    expect(split("Talks on U.S.-Russia ties gave 3.5 points to R.Politik analysts. Then nothing.", en)).toEqual([
      "Talks on U.S.-Russia ties gave 3.5 points to R.Politik analysts.",
      "Then nothing.",
    ]);
  });

  it("breaks after an ellipsis only when a new sentence starts", () => {
    expect(split("The Kremlin needs to divide its attention … and manage two fronts. It cannot.", en)).toEqual([
      "The Kremlin needs to divide its attention … and manage two fronts.",
      "It cannot.",
    ]);
  });
});

describe("TerminatorIndex", () => {
  it("finds the next terminator of a kind whichever way the searches move", () => {
    const text = "Ja! Nej. Kanske! Aldrig.";
    const index = new TerminatorIndex(text);
    expect(index.next(1, 4)).toBe(15);
    expect(index.next(1, 0)).toBe(2);
    expect(index.next(1, 16)).toBe(text.length);
    expect(index.next(0, 9)).toBe(23);
  });

  it("gives the same sentences shared across the paragraphs of a text as fresh for each", () => {
    const text = "Första stycket! Slut.\n\nAndra stycket? Ja. Nej!";
    const shared = new TerminatorIndex(text);
    for (const [start, end] of [[0, 21], [23, text.length]] as const) {
      expect(splitSentences(text, sv, start, end, shared)).toEqual(splitSentences(text, sv, start, end));
    }
  });
});
