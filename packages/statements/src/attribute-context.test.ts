import { describe, expect, it } from "vitest";
import { attributeDocument } from "./attribute";
import { buildDoc, type ParagraphSpec, type PersonSpec } from "./testing/doc";
import { repoRules } from "./testing/rules";

const rules = repoRules();

// Persons with first names that no list knows, as the normalizer might give them, or not at all.
const SV: PersonSpec[] = [
  { id: "erik-sand", name: "Erik Sand" },
  { id: "anna-lindqvist", name: "Anna Lindqvist" },
];

function run(paragraphs: (string | ParagraphSpec)[], persons: PersonSpec[], lang: "sv" | "en" = "sv") {
  const doc = buildDoc(paragraphs, persons, { lang, authors: [] });
  const result = attributeDocument(doc, rules);
  return {
    rows: result.attributions.map((a) => ({ who: a.speakers.join("+"), kind: a.kind, cue: a.cue, text: doc.text.slice(a.start, a.end) })),
    roles: result.roles,
  };
}

describe("persons whose first name no list knows", () => {
  it("takes two capitalised words before a speech verb or a role apposition for a speaker", () => {
    const sv = run(["Zarina Tulegenova, statsvetare vid ett universitet i Almaty, menar att protesterna var väntade."], []);
    expect(sv.rows.map((r) => [r.who, r.kind])).toEqual([["zarina-tulegenova", "reported"]]);
    const en = run(["According to Bryn Calloway, a lecturer in security studies, the mission set a precedent."], [], "en");
    expect(en.rows.map((r) => r.who)).toEqual(["bryn-calloway"]);
  });

  it("takes a name followed by a relative clause and a speech verb for a speaker", () => {
    const { rows } = run(["Bryn Calloway, who teaches politics in Almaty, conceded that the mission had worked."], [], "en");
    expect(rows.map((r) => [r.who, r.cue])).toEqual([["bryn-calloway", "conceded"]]);
  });

  it("does not take an organisation before a relative clause and a speech verb for a speaker", () => {
    const { rows } = run(["Human Rights Watch, which monitors the region, said that detainees were beaten."], [], "en");
    expect(rows).toEqual([]);
  });

  it("takes a name after a role noun for a person and lets a later surname find them", () => {
    const { rows } = run(["Statsvetaren Zarina Tulegenova ser det annorlunda.", "– Det här var en vändpunkt för regimen, säger Tulegenova."], []);
    expect(rows.map((r) => [r.who, r.kind])).toEqual([["zarina-tulegenova", "quote"]]);
  });

  it("does not take organisations, places or capitalised phrases without a person context for speakers", () => {
    const sv = run(["Enligt Human Rights Watch greps tusentals människor.", "Svenska Dagbladet skriver att gränsen stängdes.", "I Almaty var det lugnt under natten."], []);
    expect(sv.rows).toEqual([]);
    const en = run(["According to Radio Free Europe, the airport was closed.", "New York was quiet on Monday."], [], "en");
    expect(en.rows).toEqual([]);
  });

  it("does not take capitalised organisation or country names before a speech verb for persons", () => {
    const sv = run(["Förenta Nationerna varnade för att krisen kan förvärras.", "Nya Zeeland lovade att skicka hjälp.", "Enligt Novaja Gazeta greps flera journalister."], []);
    expect(sv.rows).toEqual([]);
    const en = run(["Associated Press reported that the airport was seized.", "United Arab Emirates said that flights resumed."], [], "en");
    expect(en.rows).toEqual([]);
  });

  it("finds a person after a title and before a speech verb in English", () => {
    const { rows } = run(["Central Asia specialist Dara Whitcombe said the region was watching closely.", "Secretary of State Bryn Calloway said that the talks would go on."], [], "en");
    expect(rows.map((r) => r.who)).toEqual(["dara-whitcombe", "bryn-calloway"]);
  });

  it("leaves the gender of an unknown first name open, so either pronoun may continue it", () => {
    const { rows } = run(["Zarina Tulegenova, statsvetare, menar att protesterna var väntade.", "– Det har pyrt länge i regionerna, säger hon."], []);
    expect(rows.map((r) => r.who)).toEqual(["zarina-tulegenova", "zarina-tulegenova"]);
  });
});

describe("compound role nouns", () => {
  it("reads a capitalised compound role as an apposition between name and verb", () => {
    const { rows, roles } = run(["Erik Sand, Balkanexpert vid ett institut i Lund, påminner om att kriget aldrig tog slut."], SV);
    expect(rows.map((r) => [r.who, r.kind])).toEqual([["erik-sand", "reported"]]);
    expect(roles.get("erik-sand")).toBe("Balkanexpert vid ett institut i Lund");
  });

  it("does not read a capitalised affiliation that is no role noun as a role", () => {
    const { roles } = run(["Erik Sand, Stockholms universitet, påminner om att kriget aldrig tog slut."], SV);
    expect(roles.has("erik-sand")).toBe(false);
  });
});

describe("speech verbs and possessive frames", () => {
  it("reads 'meddelade att' and 'lovade att' as speech, but not 'lovade' with an object", () => {
    const { rows } = run(["På måndagen meddelade Erik Sand att gränsen öppnas igen.", "I maj lovade Anna Lindqvist att valsystemet ska göras om.", "Erik Sand har lovat Moskva stöd."], SV);
    expect(rows.map((r) => r.who)).toEqual(["erik-sand", "anna-lindqvist"]);
  });

  it("gives 'in her view' and 'enligt hans mening' to the speaker the pronoun fits", () => {
    const en = run(["Elena Ivanova says the talks have stalled. In her view, neither side wants a deal this year."], [{ id: "elena-ivanova", name: "Elena Ivanova" }], "en");
    expect(en.rows.map((r) => [r.who, r.cue])).toEqual([
      ["elena-ivanova", "says"],
      ["elena-ivanova", "pronoun"],
    ]);
    const sv = run(["Erik Sand tror att samtalen har kört fast.", "Enligt hans mening vill ingen av parterna ha ett avtal."], SV);
    expect(sv.rows.map((r) => r.who)).toEqual(["erik-sand", "erik-sand"]);
  });

  it("does not take 'in the view of the government' or 'in his car' for an attribution", () => {
    const { rows } = run(["Elena Ivanova says the talks have stalled.", "In the view of the government, the talks go on.", "In his car, the minister read the papers."], [{ id: "elena-ivanova", name: "Elena Ivanova" }], "en");
    expect(rows.map((r) => r.text)).toEqual(["Elena Ivanova says the talks have stalled."]);
  });
});

describe("who takes the next dash quote", () => {
  it("gives 'säger han' to the man a role apposition just introduced, not to the earlier speaker", () => {
    const { rows } = run(
      ["Erik Sand menar att krisen var väntad.", "Bolat Dzhumabaev, journalist i Almaty, delar inte den bilden.", "– Ingen här litar på regeringen längre, säger han."],
      SV,
    );
    expect(rows.map((r) => r.who)).toEqual(["erik-sand", "bolat-dzhumabaev"]);
  });

  it("gives a bare dash quote after a one-line paragraph about an earlier speaker back to that speaker", () => {
    const { rows } = run(
      [
        "– Krisen var väntad, säger Anna Lindqvist.",
        "Erik Sand menar att regeringen har tappat greppet.",
        "Lindqvist är tveksam.",
        "– Jag ser ingen sådan kris i dag.",
      ],
      SV,
    );
    expect(rows.map((r) => r.who)).toEqual(["anna-lindqvist", "erik-sand", "anna-lindqvist"]);
  });

  it("lets a pronoun after a continued dash quote mean the speaker of that quote, not a man named before it", () => {
    const persons = [...SV, { id: "sergei-ivanov", name: "Sergei Ivanov" }];
    const { rows } = run(["– Krisen var väntad, säger Erik Sand.", "Samtidigt har Sergei Ivanov lovat reformer.", "– Men reformerna kommer aldrig.", "Han menar att regimen bara vill vinna tid."], persons);
    expect(rows.map((r) => r.who)).toEqual(["erik-sand", "erik-sand", "erik-sand"]);
  });

  it("keeps a bare dash quote with the current speaker after a line about someone who never spoke", () => {
    const { rows } = run(["– Krisen var väntad, säger Anna Lindqvist.", "Erik Sand ledde förhandlingarna i fjol.", "– Jag ser ingen sådan kris i dag."], SV);
    expect(rows.map((r) => r.who)).toEqual(["anna-lindqvist", "anna-lindqvist"]);
  });

  it("lets 'Hon menar' after a narrative sentence go to the one person named there whose gender is unknown", () => {
    const { rows } = run(["Erik Sand menar att krisen var väntad.", "Sociologen Zarina Tulegenova ser det annorlunda. Hon menar att krisen kom som en chock."], SV);
    expect(rows.map((r) => r.who)).toEqual(["erik-sand", "zarina-tulegenova"]);
  });

  it("gives the first 'säger hon' to the one woman named a few paragraphs earlier", () => {
    const lead = ["Zarina Tulegenova växte upp i Almaty.", "När vi ses har regnet just upphört."];
    const zarina = { id: "zarina-tulegenova", name: "Zarina Tulegenova" };
    const one = run([...lead, "– Det gick fortare än någon trodde, säger hon."], [zarina]);
    expect(one.rows.map((r) => r.who)).toEqual(["zarina-tulegenova"]);
    const two = run(["Zarina Tulegenova och Dana Omarova växte upp i Almaty.", lead[1]!, "– Det gick fortare än någon trodde, säger hon."], [zarina, { id: "dana-omarova", name: "Dana Omarova" }]);
    expect(two.rows).toEqual([]);
  });

  it("gives 'Hon menar' to nobody when two people of unknown gender were just named", () => {
    const { rows } = run(["Erik Sand menar att krisen var väntad.", "Statsvetaren Zarina Tulegenova och sociologen Dana Omarova ser det annorlunda. Hon menar att krisen kom som en chock."], SV);
    expect(rows.map((r) => r.who)).toEqual(["erik-sand"]);
  });
});

describe("speech in a clause coordinated with the subject's first clause", () => {
  it("gives 'och sa att' and 'and said that' to the subject opening the sentence", () => {
    const sv = run(["Erik Sand besökte gränsstaden i går och sa att läget hade lugnat sig."], SV);
    expect(sv.rows.map((r) => [r.who, r.cue])).toEqual([["erik-sand", "sa"]]);
    const en = run(["Elena Ivanova visited the border town on Monday and told reporters that calm had returned."], [{ id: "elena-ivanova", name: "Elena Ivanova" }], "en");
    expect(en.rows.map((r) => [r.who, r.cue])).toEqual([["elena-ivanova", "told"]]);
  });

  it("does not give a coordinated clause with its own subject or no reported clause to the first subject", () => {
    const { rows } = run(["Erik Sand besökte gränsstaden och hans rådgivare sa att läget var lugnt.", "Erik Sand reste hem och sa ingenting."], SV);
    expect(rows).toEqual([]);
  });
});

describe("quotation paragraphs and split quotes", () => {
  it("continues a bare guillemet paragraph with the speaker of the paragraph before", () => {
    const { rows } = run(["Anna Lindqvist varnar för att krisen kan sprida sig.", "«Om ingen agerar nu kommer grannländerna att dras in.»"], SV);
    expect(rows.map((r) => [r.who, r.kind])).toEqual([
      ["anna-lindqvist", "reported"],
      ["anna-lindqvist", "quote"],
    ]);
  });

  it("does not continue a bare quotation paragraph after narrative about something else", () => {
    const { rows } = run(["Anna Lindqvist varnar för att krisen kan sprida sig.", "Regeringen har inte svarat på frågorna.", "«Om ingen agerar nu kommer grannländerna att dras in.»"], SV);
    expect(rows.map((r) => r.who)).toEqual(["anna-lindqvist"]);
  });

  it("gives a short quoted sentence right after the attribution to the same speaker", () => {
    const persons = [{ id: "mark-dunn", name: "Mark Dunn" }];
    const { rows } = run(["\u201cThe old guard has not gone anywhere,\u201d Mark Dunn told the paper. \u201cWe bide time.\u201d"], persons, "en");
    expect(rows.map((r) => [r.who, r.text])).toEqual([
      ["mark-dunn", "The old guard has not gone anywhere"],
      ["mark-dunn", "We bide time."],
    ]);
  });

  it("does not take a short scare quote after the attribution for speech", () => {
    const persons = [{ id: "mark-dunn", name: "Mark Dunn" }];
    const { rows } = run(["\u201cThe old guard has not gone anywhere,\u201d Mark Dunn told the paper. The so-called \u201creform\u201d stalled."], persons, "en");
    expect(rows.map((r) => r.text)).toEqual(["The old guard has not gone anywhere"]);
  });

  it("reads 'she says' between commas in the middle of a sentence as the attribution", () => {
    const persons = [{ id: "elena-ivanova", name: "Elena Ivanova" }];
    const { rows } = run(["Elena Ivanova says the talks have stalled.", "If the fighting spreads, she says, the region could be drawn in."], persons, "en");
    expect(rows.map((r) => r.who)).toEqual(["elena-ivanova", "elena-ivanova"]);
    const sv = run(["Om striderna sprids, säger hon, kan regionen dras in."], [{ id: "anna-lindqvist", name: "Anna Lindqvist" }]);
    expect(sv.rows).toEqual([]);
  });
});

describe("authors named by context", () => {
  it("finds both authors when the lead names them after a plural role and the signature repeats them", () => {
    const { rows } = run(
      [
        "Unionen har sovit, skriver forskarna Zarina Tulegenova och Erik Sand.",
        "Det är dags att vakna och agera i regionen.",
        "Zarina Tulegenova, fil.dr i statsvetenskap, Uppsala universitet",
        "Erik Sand, docent i historia, Lunds universitet",
      ],
      SV,
    );
    expect(rows.map((r) => r.who)).toEqual(["zarina-tulegenova+erik-sand", "zarina-tulegenova+erik-sand"]);
  });
});

describe("news bylines", () => {
  it("takes a byline naming a bureau for a reporter's, not an author's", () => {
    const { rows } = run([{ text: "Troops begin to leave", kind: "title" }, "By Dara Whitcombe, Ankara bureau", "The first planes left the airport on Thursday morning."], [], "en");
    expect(rows).toEqual([]);
  });
});

describe("author biographies", () => {
  it("keeps every sentence of the paragraph that opens the author's biography out of the analysis", () => {
    const elena = [{ id: "elena-ivanova", name: "Elena Ivanova" }];
    const { rows } = run(
      [
        { text: "The alliance has found a new purpose", kind: "title" },
        "By Elena Ivanova",
        "The deployment shows that the alliance is now a tool for keeping regimes in power.",
        "Elena Ivanova is a senior fellow at a research institute in Vienna. She previously worked for a bank in Almaty.",
      ],
      elena,
      "en",
    );
    expect(rows.map((r) => r.text)).toEqual(["The deployment shows that the alliance is now a tool for keeping regimes in power."]);
  });
});
