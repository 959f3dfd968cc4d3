import { describe, expect, it } from "vitest";
import { lookupForms, tokenize } from "./tokenize";

describe("tokenize", () => {
  it("lower-cases words including Swedish å ä ö", () => {
    expect(tokenize("ÖKAT Inflytande för Åland och Ärlighet")).toEqual(["ökat", "inflytande", "för", "åland", "och", "ärlighet"]);
  });

  it("keeps hyphenated, possessive and colon-inflected words whole", () => {
    expect(tokenize("anti-Russian feeling, Moscow’s grip and NATO:s plan")).toEqual(["anti-russian", "feeling", "moscow's", "grip", "and", "nato:s", "plan"]);
  });

  it("splits on dash quotes, quotation marks and trailing punctuation", () => {
    expect(tokenize("– Det är klart, ”sade” han – 'nej'.")).toEqual(["det", "är", "klart", "sade", "han", "nej"]);
  });

  it("keeps dotted abbreviations as one token", () => {
    expect(tokenize("The U.S.-Russia talks and the U.S. delegation. Plan B.")).toEqual(["the", "u.s.-russia", "talks", "and", "the", "u.s.", "delegation", "plan", "b"]);
  });
});

describe("lookupForms", () => {
  it("offers the base, the clitic and the compound parts", () => {
    expect(lookupForms("kremlin's")).toEqual(["kremlin's", "kremlin", "'s"]);
    expect(lookupForms("nato:s")).toEqual(["nato:s", "nato"]);
    expect(lookupForms("csto-trupperna")).toEqual(["csto-trupperna", "csto", "trupperna"]);
  });
});
