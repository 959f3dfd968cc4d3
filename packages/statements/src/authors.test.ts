import { describe, expect, it } from "vitest";
import { attributeDocument } from "./attribute";
import { buildDoc, type ParagraphSpec, type PersonSpec } from "./testing/doc";
import { repoRules } from "./testing/rules";

const rules = repoRules();

/** Persons the normalizer found in the body; authors named only in a byline or signature are not among them. */
const SV: PersonSpec[] = [{ id: "ruslan-ospanov", name: "Ruslan Ospanov" }];
const EN: PersonSpec[] = [{ id: "timur-bek", name: "Timur Bek" }];

function run(paragraphs: (string | ParagraphSpec)[], persons: PersonSpec[], lang: "sv" | "en", authors: string[] = []) {
  const doc = buildDoc(paragraphs, persons, { lang, authors });
  const result = attributeDocument(doc, rules);
  return {
    rows: result.attributions.map((a) => ({ who: a.speakers.join("+"), kind: a.kind, text: doc.text.slice(a.start, a.end) })),
    roles: result.roles,
  };
}

const authoredBy = (rows: { who: string; kind: string }[]) => [...new Set(rows.filter((r) => r.kind === "authored").map((r) => r.who))];

describe("Swedish authored pieces", () => {
  it("reads 'Analys av X, utrikeskommentator' under the title as the author line, with the role", () => {
    const { rows, roles } = run(
      [
        { text: "Kreml vann veckan men förlorade grannarnas förtroende", kind: "title" },
        { text: "Analys av Maja Lindroos, utrikeskommentator", kind: "heading" },
        "Insatsen var kort men den politiska signalen var tydlig. Moskva kommer sannolikt att kräva en motprestation.",
        "– Vi bad om hjälp och fick den, säger Ruslan Ospanov, talesperson för regeringen.",
        "Det är en sanning med modifikation.",
      ],
      SV,
      "sv",
    );
    expect(rows.map((r) => [r.who, r.kind])).toEqual([
      ["maja-lindroos", "authored"],
      ["maja-lindroos", "authored"],
      ["ruslan-ospanov", "quote"],
      ["maja-lindroos", "authored"],
    ]);
    expect(roles.get("maja-lindroos")).toBe("utrikeskommentator");
  });

  it("reads a bare name line with the role below it under a commentary label", () => {
    const { rows, roles } = run(
      [
        { text: "Kreml vann veckan", kind: "title" },
        { text: "Krönika", kind: "heading" },
        { text: "Amira Haddou", kind: "heading" },
        { text: "Utrikeskommentator", kind: "heading" },
        "Insatsen var kort men den politiska signalen var tydlig.",
      ],
      SV,
      "sv",
    );
    expect(rows.map((r) => [r.who, r.kind])).toEqual([["amira-haddou", "authored"]]);
    expect(roles.get("amira-haddou")).toBe("Utrikeskommentator");
  });

  it("does not take a bare name line under the headline of a news story for its author", () => {
    const { rows } = run(
      [{ text: "Kreml vann veckan", kind: "title" }, { text: "Amira Haddou", kind: "heading" }, "Insatsen var kort, uppger försvarsministeriet."],
      SV,
      "sv",
    );
    expect(rows.filter((r) => r.kind === "authored")).toEqual([]);
  });

  it("gives a debate piece to both signers on separate lines, even when the body never names them", () => {
    const { rows, roles } = run(
      [
        { text: "DEBATT | Regeringen måste agera i Centralasien", kind: "title" },
        "Vi menar att krisen visar hur svag Europas närvaro i regionen är.",
        "Sverige bör öppna en ambassad i huvudstaden.",
        "Amira Haddou, docent i statsvetenskap, Umeå universitet\nBjörn Tallqvist, utredare vid Institutet för regionala studier",
      ],
      SV,
      "sv",
    );
    expect(authoredBy(rows)).toEqual(["amira-haddou+bjorn-tallqvist"]);
    expect(rows.filter((r) => r.kind === "authored")).toHaveLength(2);
    expect(roles.get("amira-haddou")).toBe("docent i statsvetenskap, Umeå universitet");
  });

  it("gives a piece signed 'X och Y' above a role line to both", () => {
    const { rows } = run(
      [
        { text: "Säkerhetsalliansen har fått en ny roll", kind: "title" },
        "Alliansen har visat att den kan rycka ut på några timmar. Det förändrar kalkylen för regionens ledare.",
        { text: "Amira Haddou och Björn Tallqvist", kind: "heading" },
        "Forskare vid Institutet för regionala studier.",
      ],
      SV,
      "sv",
    );
    expect(authoredBy(rows)).toEqual(["amira-haddou+bjorn-tallqvist"]);
  });

  it("reads 'Text: X' as a byline: the author's under a column label, a reporter's under an interview label", () => {
    const piece = (label: string) => [
      { text: label, kind: "title" as const },
      { text: "Text: Maja Lindroos", kind: "heading" as const },
      "Ruslan Ospanov har styrt regionen i femton år och det märks.",
      "– Det gick snabbare än någon trodde, säger Ruslan Ospanov.",
    ];
    expect(authoredBy(run(piece("KRÖNIKA"), SV, "sv").rows)).toEqual(["maja-lindroos"]);
    expect(run(piece("INTERVJU"), SV, "sv").rows.map((r) => [r.who, r.kind])).toEqual([["ruslan-ospanov", "quote"]]);
  });

  it("does not take a quoted person's name and role closing a datelined interview story for a signature", () => {
    const { rows } = run(
      [
        { text: "Trupperna lämnar landet", kind: "title" },
        "STOCKHOLM (TT) Ruslan Ospanov har följt insatsen från början.",
        "– Vi bad om hjälp och fick den, säger Ruslan Ospanov.",
        "– Nu är det lugnt igen.",
        "Ruslan Ospanov, talesperson för regeringen",
      ],
      SV,
      "sv",
    );
    expect(rows.filter((r) => r.kind === "authored")).toEqual([]);
  });

  it("does not make a correspondent's byline on a news story a speaker, even without quotes", () => {
    const { rows } = run(
      [
        { text: "Trupperna lämnar landet", kind: "title" },
        { text: "Av Maja Lindroos, Moskvakorrespondent", kind: "heading" },
        "De sista planen lyfte från flygplatsen på torsdagsmorgonen.",
      ],
      SV,
      "sv",
    );
    expect(rows).toEqual([]);
  });

  it("does not count the author's closing biography as analysis, but keeps it as the role", () => {
    const { rows, roles } = run(
      [
        { text: "Kreml vann veckan", kind: "title" },
        { text: "Analys av Maja Lindroos", kind: "heading" },
        "Insatsen var kort men den politiska signalen var tydlig.",
        "Maja Lindroos är utrikeskommentator. Hon har tidigare varit korrespondent i Moskva.",
      ],
      SV,
      "sv",
    );
    expect(rows.map((r) => r.text)).toEqual(["Insatsen var kort men den politiska signalen var tydlig."]);
    expect(roles.get("maja-lindroos")).toBe("utrikeskommentator");
  });

  it("uses the metadata author of a piece that argues in the first person, but not of an interview story", () => {
    const argues = run(
      [
        { text: "Därför borde vi oroa oss", kind: "title" },
        "Jag har följt regionen i tjugo år och vi har aldrig sett en sådan vecka. Vi borde ta varningen på allvar.",
      ],
      SV,
      "sv",
      ["Maja Lindroos"],
    );
    expect(authoredBy(argues.rows)).toEqual(["maja-lindroos"]);
    const reports = run(
      [
        { text: "Oron växer i norr", kind: "title" },
        "Ruslan Ospanov har bott i staden i hela sitt liv.",
        "– Vi var rädda i flera dagar, säger Ruslan Ospanov.",
        "– Nu är det lugnt igen.",
      ],
      SV,
      "sv",
      ["Maja Lindroos"],
    );
    expect(authoredBy(reports.rows)).toEqual([]);
  });
});

describe("English authored pieces", () => {
  it("takes 'By X | Commentary' for an authored piece even when it quotes others often", () => {
    const { rows } = run(
      [
        { text: "Moscow's cheap victory", kind: "title" },
        { text: "By Jane Okonkwo | Commentary", kind: "heading" },
        "The intervention was brief, but its consequences will last.",
        "“We asked for help and received it,” Timur Bek said.",
        "“The troops will leave when the job is done,” Timur Bek said on Friday.",
      ],
      EN,
      "en",
    );
    expect(rows.map((r) => [r.who, r.kind])).toEqual([
      ["jane-okonkwo", "authored"],
      ["timur-bek", "quote"],
      ["timur-bek", "quote"],
    ]);
  });

  it("takes a blog's 'Posted by X on <date>' for its author and not the date for a role", () => {
    const { rows, roles } = run(
      [
        { text: "Two weeks in Almaty", kind: "title" },
        "Posted by Dariusz Wren on 3 February 2022 · 6 min read",
        "This post first appeared on the author's newsletter.",
        "I have never seen the city so quiet. The regime will likely emerge stronger.",
      ],
      EN,
      "en",
    );
    expect(rows.map((r) => [r.who, r.text])).toEqual([
      ["dariusz-wren", "I have never seen the city so quiet."],
      ["dariusz-wren", "The regime will likely emerge stronger."],
    ]);
    expect(roles.has("dariusz-wren")).toBe(false);
  });

  it("does not make a bureau reporter's byline on a datelined story a speaker", () => {
    const { rows } = run(
      [
        { text: "In Moscow, the unrest is read as a lesson", kind: "title" },
        { text: "By Colin Marsh, Moscow bureau", kind: "heading" },
        "MOSCOW – State television covered the unrest as a foreign-sponsored coup.",
        "Analysts generally agree that the mission was cheap for the Kremlin.",
        "“It was a demonstration,” said Timur Bek, a sociologist.",
      ],
      EN,
      "en",
    );
    expect(rows.map((r) => [r.who, r.kind])).toEqual([["timur-bek", "quote"]]);
  });

  it("reads a byline in capitals and names the author in title case", () => {
    const doc = buildDoc([{ text: "Europe should pay attention", kind: "title" }, { text: "By DARIUSZ WREN", kind: "heading" }, "Europe has treated the region as a distant concern."], EN, { lang: "en" });
    const result = attributeDocument(doc, rules);
    expect(result.attributions.map((a) => a.speakers)).toEqual([["dariusz-wren"]]);
    expect(result.extraNames.get("dariusz-wren")).toBe("Dariusz Wren");
  });

  it("takes a plain byline over a datelined story for the reporter's", () => {
    const { rows } = run(
      [{ text: "Troops leave", kind: "title" }, { text: "By Colin Marsh", kind: "heading" }, "ALMATY, Jan 19 (Reuters) – The last planes left on Wednesday, the alliance said."],
      EN,
      "en",
    );
    expect(rows.filter((r) => r.kind === "authored")).toEqual([]);
  });

  it("skips every sentence of the closing biography 'X is a senior fellow at …'", () => {
    const { rows, roles } = run(
      [
        { text: "Europe should pay attention", kind: "title" },
        { text: "By Jane Okonkwo | Opinion", kind: "heading" },
        "Europe has treated the region as a distant concern. That has to change.",
        "— Jane Okonkwo is a senior fellow at the Atlantic Forum. She previously worked for the OSCE in Bishkek.",
      ],
      EN,
      "en",
    );
    expect(rows.map((r) => r.text)).toEqual(["Europe has treated the region as a distant concern.", "That has to change."]);
    expect(roles.get("jane-okonkwo")).toBe("a senior fellow at the Atlantic Forum");
  });

  it("does not take a capitalized credit line closing a news story for a signature", () => {
    const { rows } = run(
      [
        { text: "Troops leave", kind: "title" },
        "The last planes left on Wednesday, according to the alliance.",
        { text: "Foreign Ministry, Astana", kind: "heading" },
      ],
      EN,
      "en",
    );
    expect(rows.filter((r) => r.kind === "authored")).toEqual([]);
  });
});
