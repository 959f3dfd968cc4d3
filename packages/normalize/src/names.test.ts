import { describe, expect, it } from "vitest";
import { findNames, parseApposition, personSlug } from "./names";
import { testContext } from "./test-context";

const registry = [
  { id: "kassym-jomart-tokayev", name: "Kassym-Jomart Tokayev", aliases: ["Tokayev", "Tokajev", "Toqaev", "Kasym-Zjomart Tokajev", "Kazym-Zjomart Tokajev"], role: "president" },
  { id: "gudrun-persson", name: "Gudrun Persson", aliases: ["Persson"], role: "forskningsledare", affiliation: "FOI" },
  { id: "andrei-kortunov", name: "Andrei Kortunov", aliases: ["Kortunov"] },
  { id: "riac", name: "Russian International Affairs Council", aliases: ["RIAC"], type: "organisation" as const },
  { id: "csto", name: "Collective Security Treaty Organization", aliases: ["CSTO", "ODKB", "Kollektiva säkerhetsavtalsorganisationen"], type: "organisation" as const },
  { id: "kazakhstan", name: "Kazakhstan", aliases: ["Kazakstan"], type: "place" as const },
];
const context = testContext(registry);
const sv = context.languages.get("sv")!.names;
const en = context.languages.get("en")!.names;

function names(text: string, rules = sv) {
  const found = findNames(text, context.registry, rules);
  return {
    persons: found.persons.map((p) => [p.id, p.registered]),
    mentions: found.mentions.map((m) => [m.surface, m.personId]),
    found,
  };
}

describe("findNames: across documents", () => {
  it("gives a word the same reading in every document that shares the rules", () => {
    const first = names("Enligt Perssons bedömning är det klart, säger analytikern Anna Lindqvist.");
    const again = names("Enligt Perssons bedömning är det klart, säger analytikern Anna Lindqvist.");
    expect(again.mentions).toEqual(first.mentions);
    expect(first.mentions).toEqual([
      ["Perssons", "gudrun-persson"],
      ["Anna Lindqvist", "anna-lindqvist"],
    ]);
    // A capitalised stopword met before stays no name in a later document.
    expect(names("Det sa Anna Lindqvist.").mentions).toEqual([["Anna Lindqvist", "anna-lindqvist"]]);
  });
});

describe("findNames: registry", () => {
  it("resolves spelling variants in both languages to one id", () => {
    const { mentions } = names("Kasym-Zjomart Tokajev talade. Senare sa Kazym-Zjomart Tokajev och Toqaev samma sak som Tokayev.");
    expect(mentions.map((m) => m[1])).toEqual(Array(4).fill("kassym-jomart-tokayev"));
  });

  it("resolves a Swedish genitive and an English possessive", () => {
    expect(names("Enligt Perssons bedömning är det klart.").mentions).toEqual([["Perssons", "gudrun-persson"]]);
    expect(names("“I don’t think so,” said RIAC’s Kortunov.", en).mentions).toEqual([["Kortunov", "andrei-kortunov"]]);
  });

  it("never takes organisations or places for persons", () => {
    const { persons } = names("Kollektiva säkerhetsavtalsorganisationen (ODKB) skickade trupper till Kazakstan, säger CSTO:s talesperson.");
    expect(persons).toEqual([]);
  });

  it("does not match a registry name written in lower case", () => {
    expect(names("en persson utan namn").mentions).toEqual([]);
  });

  it("takes the role from the apposition at the first mention, else from the registry", () => {
    const withApposition = names("Gudrun Persson, forskningsledare vid Totalförsvarets forskningsinstitut (FOI) med fokus på rysk säkerhetspolitik, konstaterar att det är oklart.");
    expect(withApposition.found.persons[0]).toMatchObject({ role: "forskningsledare", affiliation: "Totalförsvarets forskningsinstitut (FOI)" });
    const without = names("Det säger Gudrun Persson.");
    expect(without.found.persons[0]).toMatchObject({ role: "forskningsledare", affiliation: "FOI" });
  });
});

describe("findNames: persons not in the registry", () => {
  it("keeps a name after a speech verb with a generated id and its apposition role", () => {
    const { found } = names("“It is fragile,” said Maria Lindqvist-Berg, founder of Nordpol Analytics, a consultancy.", en);
    expect(found.persons).toEqual([
      { id: "maria-lindqvist-berg", name: "Maria Lindqvist-Berg", role: "founder", affiliation: "Nordpol Analytics", registered: false },
    ]);
  });

  it("keeps names with particles and resolves a later bare surname to the same person", () => {
    const { persons, mentions } = names("Det skriver Anna Svensson och Hugo van der Berg, analytiker vid Institutet. Enligt van der Berg är läget allvarligt, menar Svensson.");
    expect(persons).toEqual([
      ["anna-svensson", false],
      ["hugo-van-der-berg", false],
    ]);
    expect(mentions).toEqual([
      ["Anna Svensson", "anna-svensson"],
      ["Hugo van der Berg", "hugo-van-der-berg"],
      ["van der Berg", "hugo-van-der-berg"],
      ["Svensson", "anna-svensson"],
    ]);
  });

  it("prefers a person introduced in the document over a registry entry with the same surname", () => {
    const { mentions } = names("Göran Persson, tidigare statsminister och ordförande i partiet, sa att det var fel. Persson upprepade det.");
    expect(mentions).toEqual([
      ["Göran Persson", "goran-persson"],
      ["Persson", "goran-persson"],
    ]);
  });

  it("takes a name after a title word as a person", () => {
    expect(names("Landets president Lars Olofsson avgick.").persons).toEqual([["lars-olofsson", false]]);
  });

  it("takes the author of a byline paragraph as a person", () => {
    expect(names("Rubrik\nBy Sarah O'Neill\nThe talks stalled.", en).persons).toEqual([["sarah-o-neill", false]]);
    expect(names("The talks were reported by Western Media Outlets.", en).persons).toEqual([]);
  });

  it("takes the role from title words before the name and the affiliation from a registered place before them", () => {
    const { found } = names("Kazakstans premiärminister Askar Mamin avgick, och hans kollega Erik Holm tog över.");
    expect(found.persons).toEqual([
      { id: "askar-mamin", name: "Askar Mamin", role: "premiärminister", affiliation: "Kazakhstan", registered: false },
      { id: "erik-holm", name: "Erik Holm", role: null, affiliation: null, registered: false },
    ]);
  });

  it("takes a name after an abbreviated title as a person", () => {
    expect(names("The report was written by Dr. Aziz Karimov last year.", en).persons).toEqual([["aziz-karimov", false]]);
  });

  it("does not take a hyphenated description for part of a name", () => {
    expect(names("Det säger Kreml-kritikern Anna Berg.").persons).toEqual([["anna-berg", false]]);
  });

  it("gives two coordinated persons the apposition that follows the second", () => {
    const { found } = names("Det skriver Lena Ek och Per Holm, analytiker vid Institutet.");
    expect(found.persons.map((p) => [p.id, p.role, p.affiliation])).toEqual([
      ["lena-ek", "analytiker", "Institutet"],
      ["per-holm", "analytiker", "Institutet"],
    ]);
  });

  it("starts a name after a possessive, resolving the surname of a person met earlier", () => {
    const { mentions } = names("“It is over,” said Lev Orlov, head of the Centre. “Not yet,” said Centre’s Orlov.", en);
    expect(mentions).toEqual([
      ["Lev Orlov", "lev-orlov"],
      ["Orlov", "lev-orlov"],
    ]);
  });

  it("does not read a sentence opener and a place before an apposition as a person", () => {
    expect(names("Alongside Norway, member states Denmark and Iceland sent troops, said Ola Nord.", en).persons).toEqual([["ola-nord", false]]);
  });

  it("ignores capitalised sequences without a person context", () => {
    expect(names("Previous Russian interventions in Central Asia have failed.", en).persons).toEqual([]);
  });

  it("does not take a nationality before a title for a person", () => {
    expect(names("said Swedish Foreign Minister Ann Linde on Monday.", en).persons).toEqual([["ann-linde", false]]);
  });

  it("does not take an organisation with an apposition for a person", () => {
    expect(names("Levada Center, an independent pollster led by a director, said so.", en).persons).toEqual([]);
  });
});

describe("parseApposition", () => {
  it("splits a role from the affiliation after its preposition", () => {
    expect(parseApposition("head of the Russian International Affairs Council (RIAC)", en)).toEqual({ role: "head", affiliation: "Russian International Affairs Council (RIAC)" });
    expect(parseApposition("a Russian foreign policy analyst at the Carnegie Moscow Center think tank", en)).toEqual({
      role: "Russian foreign policy analyst",
      affiliation: "Carnegie Moscow Center",
    });
    expect(parseApposition("Östeuropaanalytiker vid Utrikespolitiska institutet", sv)).toEqual({ role: "Östeuropaanalytiker", affiliation: "Utrikespolitiska institutet" });
  });

  it("returns null when the apposition names no role", () => {
    expect(parseApposition("the country’s largest city", en)).toBeNull();
    expect(parseApposition("som styr landet med järnhand", sv)).toBeNull();
  });

  it("keeps a role's complement in the role when an affiliation preposition follows it", () => {
    expect(parseApposition("professor i statsvetenskap vid Lunds universitet", sv)).toEqual({ role: "professor i statsvetenskap", affiliation: "Lunds universitet" });
    expect(parseApposition("director of the Eurasia Programme at the Foreign Policy Institute", en)).toEqual({
      role: "director of the Eurasia Programme",
      affiliation: "Foreign Policy Institute",
    });
  });

  it("drops an owner, adjectives and a generic descriptor around the organisation's name", () => {
    expect(parseApposition("deputy editor of Ukraine’s independent Kyiv Daily newspaper", en)).toEqual({ role: "deputy editor", affiliation: "Kyiv Daily" });
    expect(parseApposition("analytiker vid tankesmedjan Baltiska rådet", sv)).toEqual({ role: "analytiker", affiliation: "Baltiska rådet" });
  });

  it("drops a qualifier after the affiliation", () => {
    expect(parseApposition("forskare vid Försvarshögskolan med fokus på Arktis", sv)).toEqual({ role: "forskare", affiliation: "Försvarshögskolan" });
  });

  it("reads a verb phrase as its role noun", () => {
    expect(parseApposition("who heads the Caspian Policy Group", en)).toEqual({ role: "head", affiliation: "Caspian Policy Group" });
    expect(parseApposition("som leder Nordiska forumet", sv)).toEqual({ role: "ledare", affiliation: "Nordiska forumet" });
  });
});

describe("findNames: roles and affiliations in the text", () => {
  const roleOf = (text: string, rules = sv) => findNames(text, context.registry, rules).persons.map((p) => [p.name, p.role, p.affiliation]);

  it("reads the apposition of a person never seen, in both languages", () => {
    expect(roleOf("Det är allvarligt, sa Lena Holm, professor i statsvetenskap vid Lunds universitet.")).toEqual([
      ["Lena Holm", "professor i statsvetenskap", "Lunds universitet"],
    ]);
    expect(roleOf("It is serious, according to Daria Volkova, an analyst at the Moscow-based Centre for Political Technologies.", en)).toEqual([
      ["Daria Volkova", "analyst", "Moscow-based Centre for Political Technologies"],
    ]);
    expect(roleOf("It is serious, said Mark Ellis, director of the Eurasia Programme at the Foreign Policy Institute in London.", en)).toEqual([
      ["Mark Ellis", "director of the Eurasia Programme", "Foreign Policy Institute in London"],
    ]);
  });

  it("reads a role after a copula", () => {
    expect(roleOf("Lars Dahl är forskare vid Uppsala universitet.")).toEqual([["Lars Dahl", "forskare", "Uppsala universitet"]]);
    expect(roleOf("Sam Rand is a senior fellow at the Atlantic Council.", en)).toEqual([["Sam Rand", "senior fellow", "Atlantic Council"]]);
  });

  it("reads a relative clause that names a role", () => {
    expect(roleOf("It is serious, said Sam Rand, who heads the Caspian Policy Group.", en)).toEqual([["Sam Rand", "head", "Caspian Policy Group"]]);
  });

  it("does not read a relative clause without a role, or a list of countries, as a role", () => {
    expect(roleOf("Det var fel, sa Vera Lind, som styr landet.")).toEqual([["Vera Lind", null, null]]);
    expect(roleOf("Besides Norway, Sweden, Finland and Denmark, said Ola Nord.", en)).toEqual([["Ola Nord", null, null]]);
  });

  it("splits an organisation prefix off a hyphenated title before the name", () => {
    expect(roleOf("Det säger FOI-forskaren Lars Dahl.")).toEqual([["Lars Dahl", "forskaren", "FOI"]]);
    expect(roleOf("Det säger analytikern Lars Dahl.")).toEqual([["Lars Dahl", "analytikern", null]]);
  });

  it("writes a title before the name in lower case", () => {
    expect(roleOf("It is serious, said Kazakh President Askar Mamin.", en)).toEqual([["Askar Mamin", "president", null]]);
  });

  it("reads the signature line under the authors of a piece, for both authors", () => {
    const { found } = names("Lena Ek och Per Holm\nAnalytiker på Centrum för Arktisstudier (CAS) vid Polarinstitutet\n");
    expect(found.persons.map((p) => [p.name, p.role, p.affiliation])).toEqual([
      ["Lena Ek", "analytiker", "Centrum för Arktisstudier (CAS) vid Polarinstitutet"],
      ["Per Holm", "analytiker", "Centrum för Arktisstudier (CAS) vid Polarinstitutet"],
    ]);
  });

  it("prefers the text's role over the registry's, keeping the registry as fallback", () => {
    expect(roleOf("Det säger Gudrun Persson, professor vid Försvarshögskolan.")).toEqual([["Gudrun Persson", "professor", "Försvarshögskolan"]]);
    expect(roleOf("Det säger Gudrun Persson.")).toEqual([["Gudrun Persson", "forskningsledare", "FOI"]]);
    expect(roleOf("Det säger Gudrun Persson. Senare sa Gudrun Persson, professor vid Försvarshögskolan, samma sak.")).toEqual([
      ["Gudrun Persson", "professor", "Försvarshögskolan"],
    ]);
  });

  it("takes the title before a registered person as the text's role", () => {
    expect(roleOf("Det säger Kazakstans premiärminister Tokajev.")).toEqual([["Kassym-Jomart Tokayev", "premiärminister", "Kazakhstan"]]);
  });
});

describe("personSlug", () => {
  it("makes a kebab-case id without diacritics", () => {
    expect(personSlug("Göran Persson")).toBe("goran-persson");
    expect(personSlug("Hugo von Essen")).toBe("hugo-von-essen");
  });
});
