import { describe, expect, it } from "vitest";
import { attributeDocument } from "./attribute";
import { buildDoc, type ParagraphSpec, type PersonSpec } from "./testing/doc";
import { repoRules } from "./testing/rules";

const rules = repoRules();

const SV: PersonSpec[] = [
  { id: "anna-lindqvist", name: "Anna Lindqvist" },
  { id: "per-holm", name: "Per Holm" },
  { id: "karin-berg", name: "Karin Berg" },
  { id: "erik-sand", name: "Erik Sand" },
  { id: "maria-nord", name: "Maria Nord" },
  { id: "lena-ahl", name: "Lena Ahl" },
  { id: "olof-berg", name: "Olof Berg" },
  { id: "sara-holm", name: "Sara Holm" },
  { id: "sergei-ivanov", name: "Sergei Ivanov" },
];
const EN: PersonSpec[] = [
  { id: "mark-dunn", name: "Mark Dunn" },
  { id: "elena-ivanova", name: "Elena Ivanova" },
  { id: "john-smith", name: "John Smith" },
  { id: "oleg-petrov", name: "Oleg Petrov" },
];

/** Attributes a built document and returns compact rows: speakers, kind, cue and the exact text. */
function run(paragraphs: (string | ParagraphSpec)[], persons: PersonSpec[], lang: "sv" | "en" = "sv", authors: string[] = []) {
  const doc = buildDoc(paragraphs, persons, { lang, authors });
  const result = attributeDocument(doc, rules);
  for (const a of result.attributions) expect(doc.text.slice(a.start, a.end).length).toBe(a.end - a.start);
  return {
    rows: result.attributions.map((a) => ({ who: a.speakers.join("+"), kind: a.kind, cue: a.cue, text: doc.text.slice(a.start, a.end) })),
    roles: result.roles,
    confidences: result.attributions.map((a) => a.confidence),
  };
}

describe("Swedish dash quotes", () => {
  it("attributes a dash quote to the speaker named by 'säger X' after it and keeps the apposition as role", () => {
    const { rows, roles } = run(
      ["Oron växer i regionen efter helgens val.", "– Vi ser en tydlig förskjutning mot Moskva, säger Anna Lindqvist, forskare vid Försvarshögskolan."],
      SV,
    );
    expect(rows).toEqual([{ who: "anna-lindqvist", kind: "quote", cue: "säger", text: "Vi ser en tydlig förskjutning mot Moskva" }]);
    expect(roles.get("anna-lindqvist")).toBe("forskare vid Försvarshögskolan");
  });

  it("continues bare dash paragraphs with the last named speaker until another speaker is named", () => {
    const { rows } = run(
      [
        "Anna Lindqvist tror att valet kommer att skärpa tonen mellan grannländerna.",
        "– Det blir en svår vinter för regeringen.",
        "Regeringen har inte kommenterat uppgifterna under tisdagen.",
        "– Jag utesluter inte nya protester.",
        "Per Holm, docent i statsvetenskap vid Lunds universitet, menar att oron är överdriven.",
        "– Läget är under kontroll.",
      ],
      SV,
    );
    expect(rows.map((r) => [r.who, r.kind, r.cue])).toEqual([
      ["anna-lindqvist", "reported", "tror"],
      ["anna-lindqvist", "quote", "dash-continuation"],
      ["anna-lindqvist", "quote", "dash-continuation"],
      ["per-holm", "reported", "menar"],
      ["per-holm", "quote", "dash-continuation"],
    ]);
  });

  it("splits a dash paragraph around its attribution and gives both parts to the speaker", () => {
    const { rows } = run(["– Det är för tidigt att säga, säger Per Holm. Vi får se vad som händer i vår."], SV);
    expect(rows).toEqual([
      { who: "per-holm", kind: "quote", cue: "säger", text: "Det är för tidigt att säga" },
      { who: "per-holm", kind: "quote", cue: "säger", text: "Vi får se vad som händer i vår." },
    ]);
  });

  it("keeps quotation marks inside a dash quote as part of the one quote", () => {
    const { rows } = run(["– Budskapet är tydligt: ”Vi backar inte”, säger Karin Berg till TT."], SV);
    expect(rows).toEqual([{ who: "karin-berg", kind: "quote", cue: "säger", text: "Budskapet är tydligt: ”Vi backar inte”" }]);
  });

  it("takes the speaker of a first bare dash quote from the one person the paragraph before introduces", () => {
    const { rows } = run(["Maria Nord är professor i statskunskap och har följt landet i tjugo år.", "– Ingen hade räknat med det här."], SV);
    expect(rows).toEqual([{ who: "maria-nord", kind: "quote", cue: "preceding-paragraph", text: "Ingen hade räknat med det här." }]);
  });
});

describe("Swedish reported speech and pronouns", () => {
  it("treats a sentence mixing narrative and 'X tror att' as a reported statement of X", () => {
    const { rows } = run(["Efter helgen lugnade läget sig. Erik Sand tror att alliansen kommer att användas igen vid nästa kris."], SV);
    expect(rows).toEqual([{ who: "erik-sand", kind: "reported", cue: "tror", text: "Erik Sand tror att alliansen kommer att användas igen vid nästa kris." }]);
  });

  it("reads 'enligt X:s bedömning' and 'according to X’s analysis' as X's reported statements", () => {
    expect(run(["Erik Sand har följt landet länge.", "Enligt Sands bedömning kommer trupperna att stanna."], SV).rows.map((r) => [r.who, r.cue])).toEqual([["erik-sand", "enligt"]]);
    expect(run(["According to Mark Dunn’s analysis, the troops will stay."], EN, "en").rows.map((r) => [r.who, r.cue])).toEqual([["mark-dunn", "according to"]]);
  });

  it("lets 'X säger:' introduce the dash quote after it without being a statement itself", () => {
    const { rows } = run(["Per Holm säger:", "– Det här är bara början."], SV);
    expect(rows).toEqual([{ who: "per-holm", kind: "quote", cue: "dash-continuation", text: "Det här är bara början." }]);
  });

  it("attributes 'enligt X', 'X konstaterar att' and '…, säger X' sentences", () => {
    const { rows } = run(
      [
        "Relationerna har länge varit goda, enligt Anna Lindqvist.",
        "Karin Berg, analytiker vid UI, konstaterar att reformen har stannat av.",
        "Frågan är om trupperna lämnar landet, säger Per Holm.",
      ],
      SV,
    );
    expect(rows.map((r) => [r.who, r.cue])).toEqual([
      ["anna-lindqvist", "enligt"],
      ["karin-berg", "konstaterar"],
      ["per-holm", "säger"],
    ]);
  });

  it("resolves 'enligt honom' and 'säger han' to the last named male speaker", () => {
    const { rows } = run(
      [
        "Erik Sand menar att krisen var väntad.",
        "Enligt honom kan liknande uppror följa i grannländerna.",
        "– Det här är bara början, säger han.",
      ],
      SV,
    );
    expect(rows.map((r) => [r.who, r.cue])).toEqual([
      ["erik-sand", "menar"],
      ["erik-sand", "pronoun"],
      ["erik-sand", "pronoun"],
    ]);
  });

  it("never lets a pronoun cross to a person of the other gender, and a new speaker resets the chain", () => {
    const { rows } = run(
      [
        "Erik Sand säger att regimen har överlevt krisen.",
        "Maria Nord anser att priset blir högt.",
        "Enligt henne kommer Moskva att kräva motprestationer.",
        "– Det är ingen gratis lunch, säger han.",
      ],
      SV,
    );
    expect(rows.map((r) => [r.who, r.cue])).toEqual([
      ["erik-sand", "säger"],
      ["maria-nord", "anser"],
      ["maria-nord", "pronoun"],
    ]);
  });

  it("lets 'säger hon' after a male speaker go to the one woman the text just introduced", () => {
    const { rows } = run(
      [
        "– Regimen har köpt sig tid, säger Erik Sand.",
        "Han får medhåll av Maria Nord, analytiker vid Försvarshögskolan.",
        "– Det är en tydlig signal till omvärlden, säger hon.",
      ],
      SV,
    );
    expect(rows.map((r) => [r.who, r.cue])).toEqual([
      ["erik-sand", "säger"],
      ["maria-nord", "pronoun"],
    ]);
  });

  it("gives a bare dash quote to the person the paragraph before introduced with a role", () => {
    const { rows } = run(
      [
        "– Regimen har köpt sig tid, säger Erik Sand.",
        "Erik Sand får medhåll av Per Holm, docent i statsvetenskap vid Lunds universitet.",
        "– Det är en tydlig signal till omvärlden.",
        "– Och den kommer att höras.",
      ],
      SV,
    );
    expect(rows.map((r) => [r.who, r.cue])).toEqual([
      ["erik-sand", "säger"],
      ["per-holm", "preceding-paragraph"],
      ["per-holm", "dash-continuation"],
    ]);
  });

  it("does not read a dash list as quotes", () => {
    const { rows } = run(["Anna Lindqvist tror att fler länder skickar trupper.", "Så många soldater skickades:", "– Ryssland 3 000", "– Armenien 70"], SV);
    expect(rows.map((r) => r.kind)).toEqual(["reported"]);
  });

  it("gives nothing to journalists' narrative, headlines, captions, fact boxes or unnamed experts", () => {
    const { rows } = run(
      [
        { text: "Ny oro i regionen", kind: "title" },
        "Bild: Tomas Ek/TT",
        "Protesterna fortsatte under natten i huvudstaden.",
        "Bedömare menar att regimen är hårt pressad.",
        "Flera experter säger till tidningen att läget är osäkert.",
        { text: "Fakta: Alliansen", kind: "heading" },
        "Alliansen grundades 1992. Anna Lindqvist har skrivit en bok om den, säger förlaget.",
        "Medlemmarna turas om att leda organisationen.",
      ],
      SV,
    );
    expect(rows).toEqual([]);
  });

  it("treats a short unflagged 'Det här är' paragraph as a fact box heading", () => {
    const { rows } = run(["Det här är Alliansen", "Per Holm säger att alliansen har sex medlemmar."], SV);
    expect(rows).toEqual([]);
  });
});

describe("authored pieces", () => {
  const piece: (string | ParagraphSpec)[] = [
    { text: "Därför vinner Moskva på krisen", kind: "title" },
    "Analys. Den nya säkerhetsordningen i regionen vilar på svag grund, skriver Lena Ahl och Olof Berg, forskare vid Institutet för säkerhetsstudier.",
    "Moskva har stärkt sitt grepp om grannländerna under det senaste året. Det kan på sikt leda till motreaktioner.",
    "Vad händer nu",
    "Enligt presidenten Sergei Ivanov var insatsen nödvändig för att skydda staten.",
    "Lena Ahl och Olof Berg",
    "Forskare vid Institutet för säkerhetsstudier.",
  ];

  it("makes every analytic sentence a statement of each author, with the signature's role line", () => {
    const { rows, roles } = run(piece, SV);
    const authored = rows.filter((r) => r.kind === "authored");
    expect(authored.map((r) => r.who)).toEqual(["lena-ahl+olof-berg", "lena-ahl+olof-berg", "lena-ahl+olof-berg"]);
    expect(authored.map((r) => r.text)).toEqual([
      "Den nya säkerhetsordningen i regionen vilar på svag grund, skriver Lena Ahl och Olof Berg, forskare vid Institutet för säkerhetsstudier.",
      "Moskva har stärkt sitt grepp om grannländerna under det senaste året.",
      "Det kan på sikt leda till motreaktioner.",
    ]);
    expect(authored[0]?.cue).toBe("skriver");
    expect(authored[1]?.cue).toBe("signature");
    expect(roles.get("olof-berg")).toBe("Forskare vid Institutet för säkerhetsstudier.");
  });

  it("gives a sentence quoting someone else in an authored piece to that person", () => {
    const { rows } = run(piece, SV);
    expect(rows.filter((r) => r.kind !== "authored")).toEqual([
      { who: "sergei-ivanov", kind: "reported", cue: "enligt", text: "Enligt presidenten Sergei Ivanov var insatsen nödvändig för att skydda staten." },
    ]);
  });

  it("does not make a news agency reporter the speaker of the article", () => {
    const { rows } = run(
      [
        { text: "Trupperna drar sig tillbaka", kind: "title" },
        "Av Sara Holm/TT",
        "De sista soldaterna lämnade landet på torsdagen.",
        "– Vi har gjort vårt jobb, säger Per Holm, talesperson för styrkan.",
      ],
      SV,
    );
    expect(rows.map((r) => [r.who, r.kind])).toEqual([["per-holm", "quote"]]);
  });

  it("takes a role-less byline on a story built on interviews for a reporter's", () => {
    const { rows } = run(
      [
        { text: "Trupperna drar sig tillbaka", kind: "title" },
        "Av Sara Holm",
        "De sista soldaterna lämnade landet på torsdagen.",
        "– Vi har gjort vårt jobb, säger Per Holm, talesperson för styrkan.",
        "– Nu är det upp till regeringen.",
      ],
      SV,
    );
    expect(rows.map((r) => [r.who, r.kind])).toEqual([
      ["per-holm", "quote"],
      ["per-holm", "quote"],
    ]);
  });

  it("does not make an English news byline's reporter a speaker", () => {
    const { rows } = run(
      [{ text: "Troops begin to leave", kind: "title" }, "By John Smith, Reuters correspondent", "The first planes left the airport on Thursday morning."],
      EN,
      "en",
    );
    expect(rows).toEqual([]);
  });

  it("treats an opinion piece with a plain byline as authored by the byline's author", () => {
    const { rows } = run(
      [{ text: "The alliance has found a new purpose", kind: "title" }, "By Elena Ivanova", "The deployment shows that the alliance is now a tool for keeping regimes in power."],
      EN,
      "en",
    );
    expect(rows).toEqual([{ who: "elena-ivanova", kind: "authored", cue: "byline", text: "The deployment shows that the alliance is now a tool for keeping regimes in power." }]);
  });
});

describe("English quotes and reported speech", () => {
  it("attributes a quote split by its attribution to one speaker and keeps the apposition as role", () => {
    const { rows, roles } = run(
      [
        "“The alliance has never been tested like this,” said Mark Dunn, a senior fellow at the Baltic Institute. “If the mission drags on, the costs will mount.”",
      ],
      EN,
      "en",
    );
    expect(rows).toEqual([
      { who: "mark-dunn", kind: "quote", cue: "said", text: "The alliance has never been tested like this" },
      { who: "mark-dunn", kind: "quote", cue: "quote-continuation", text: "If the mission drags on, the costs will mount." },
    ]);
    expect(roles.get("mark-dunn")).toBe("a senior fellow at the Baltic Institute");
  });

  it("gives both halves of a sentence interrupted by its attribution to the speaker", () => {
    const { rows } = run(["“The alliance,” Mark Dunn said, “has never been tested like this before.”"], EN, "en");
    expect(rows.map((r) => [r.who, r.text])).toEqual([
      ["mark-dunn", "The alliance"],
      ["mark-dunn", "has never been tested like this before."],
    ]);
  });

  it("takes 'har skrivit en bok' for no statement but 'skriver i en analys att' for one", () => {
    expect(run(["Erik Sand har skrivit en bok om Rysslands utrikespolitik som kom ut i fjol."], SV).rows).toEqual([]);
    expect(run(["Erik Sand skriver i en ny analys att trupperna blir kvar."], SV).rows.map((r) => r.who)).toEqual(["erik-sand"]);
    expect(run(["Oleg Petrov wrote a book about the region."], EN, "en").rows).toEqual([]);
  });

  it("does not take 'sa upp' (dismissed) or 'called off' for speech", () => {
    expect(run(["Erik Sand sa upp regeringen på onsdagen."], SV).rows).toEqual([]);
    expect(run(["Oleg Petrov called off the talks on Friday."], EN, "en").rows).toEqual([]);
  });

  it("attributes a quote followed by 'Det säger X' or by 'säger han' without a comma", () => {
    const { rows } = run(["“Det här är allvarligt för hela regionen.” Det säger Erik Sand till tidningen.", "“Vi har inte sett slutet ännu” säger han."], SV);
    expect(rows.map((r) => [r.who, r.kind, r.cue])).toEqual([
      ["erik-sand", "quote", "säger"],
      ["erik-sand", "quote", "pronoun"],
    ]);
  });

  it("finds the speaker after an apposition and before the verb", () => {
    const { rows } = run(["“Moscow will have to fight on two fronts,” Elena Ivanova, an analyst at a Moscow think tank, wrote on Twitter."], EN, "en");
    expect(rows).toEqual([{ who: "elena-ivanova", kind: "quote", cue: "wrote", text: "Moscow will have to fight on two fronts" }]);
  });

  it("attributes possessive affiliation forms, 'according to' and '…, X noted'", () => {
    const { rows } = run(
      [
        "Mark Dunn has followed the region for years.",
        "With the troops in place, Carnegie’s Ivanova fears a nationalist backlash in the north.",
        "According to Dunn, the deployment was planned weeks in advance.",
        "Earlier interventions ended badly for Moscow, Ivanova noted.",
      ],
      EN,
      "en",
    );
    expect(rows.map((r) => [r.who, r.kind, r.cue])).toEqual([
      ["elena-ivanova", "reported", "fears"],
      ["mark-dunn", "reported", "according to"],
      ["elena-ivanova", "reported", "noted"],
    ]);
  });

  it("continues 'he said' with the last male speaker and refuses it after a female one", () => {
    const { rows } = run(
      [
        "“It was the only option,” said Oleg Petrov. “Given the violence, nobody could wait,” he added.",
        "“The costs will come later,” said Elena Ivanova.",
        "“We are not ready for that,” he said.",
      ],
      EN,
      "en",
    );
    expect(rows.map((r) => [r.who, r.cue])).toEqual([
      ["oleg-petrov", "said"],
      ["oleg-petrov", "pronoun"],
      ["elena-ivanova", "said"],
    ]);
  });

  it("does not read English paragraphs opening with a dash as quotes", () => {
    const { rows } = run(["“The alliance has changed,” said Mark Dunn.", "– Troops from five countries took part in the mission this week."], EN, "en");
    expect(rows.map((r) => r.text)).toEqual(["The alliance has changed"]);
  });

  it("ignores scare quotes, unnamed experts, captions and reader comments", () => {
    const { rows } = run(
      [
        "(Protesters gather in the capital on Tuesday.)",
        "The government called the protesters “terrorists” and shut down the internet.",
        "Experts say the move could backfire.",
        "Officials told reporters that the airport had reopened.",
        "^ Oleg Petrov said it all. Great article ^",
        "No comments:",
      ],
      EN,
      "en",
    );
    expect(rows).toEqual([]);
  });

  it("cuts an unclosed quote at the end of its sentence instead of swallowing the narrative after it", () => {
    const { rows } = run(
      ["“Given the violence, this was the only option,” said Oleg Petrov. “But it must stay a short operation. The crisis comes at an awkward time for the Kremlin, which is busy elsewhere."],
      EN,
      "en",
    );
    expect(rows.map((r) => r.text)).toEqual(["Given the violence, this was the only option", "But it must stay a short operation."]);
  });

  it("attributes a multi-paragraph quote whose attribution comes in its last paragraph", () => {
    const { rows } = run(
      ["“The first phase of the operation is over and the troops are going home.", "“Nobody knows what the second phase will bring,” Mark Dunn said."],
      EN,
      "en",
    );
    expect(rows.map((r) => [r.who, r.text])).toEqual([
      ["mark-dunn", "The first phase of the operation is over and the troops are going home."],
      ["mark-dunn", "Nobody knows what the second phase will bring"],
    ]);
  });

  it("attributes a quote opening the paragraph after 'X said on Thursday:'", () => {
    const { rows } = run(["The crisis has split the experts. Elena Ivanova said on Thursday:", "“This is a police operation, not a war.”"], EN, "en");
    expect(rows).toEqual([{ who: "elena-ivanova", kind: "quote", cue: "said", text: "This is a police operation, not a war." }]);
  });

  it("attributes a quote introduced by 'X said:'", () => {
    const { rows } = run(["At the press conference Elena Ivanova said: “This is a police operation, not a war.”"], EN, "en");
    expect(rows).toEqual([{ who: "elena-ivanova", kind: "quote", cue: "said", text: "This is a police operation, not a war." }]);
  });
});

describe("pronoun ambiguity", () => {
  it("does not give 'Han sa att' to the last speaker when a narrative sentence about someone else came between", () => {
    const { rows } = run(
      ["– Regimen har köpt sig tid, säger Erik Sand.", "Landets president har lovat reformer. Han sa i ett tal att landet ska bli mer öppet."],
      SV,
    );
    expect(rows.map((r) => r.who)).toEqual(["erik-sand"]);
  });

  it("keeps 'Han tror att' with the last speaker when the sentence between is about him", () => {
    const { rows } = run(["– Regimen har köpt sig tid, säger Erik Sand.", "Erik Sand har följt landet i tjugo år. Han tror att trupperna stannar."], SV);
    expect(rows.map((r) => [r.who, r.cue])).toEqual([
      ["erik-sand", "säger"],
      ["erik-sand", "pronoun"],
    ]);
  });

  it("gives 'säger han' to nobody when another man was named in the narrative just before", () => {
    const clear = run(["Erik Sand menar att krisen var väntad.", "– Det här är bara början, säger han."], SV);
    const muddied = run(["Erik Sand menar att krisen var väntad.", "Per Holm ledde förhandlingarna i fjol.", "– Det här är bara början, säger han."], SV);
    expect(clear.rows.map((r) => r.who)).toEqual(["erik-sand", "erik-sand"]);
    expect(muddied.rows.map((r) => r.who)).toEqual(["erik-sand"]);
  });

  it("lowers confidence when a man named further back could be meant", () => {
    const between = ["Läget är fortsatt spänt i huvudstaden.", "Regeringen har inte kommenterat saken."];
    const clear = run(["Erik Sand menar att krisen var väntad.", "Oron växer i landet.", ...between, "– Det här är bara början, säger han."], SV);
    const muddied = run(["Erik Sand menar att krisen var väntad.", "Per Holm ledde förhandlingarna i fjol.", ...between, "– Det här är bara början, säger han."], SV);
    expect(muddied.rows.at(-1)?.who).toBe("erik-sand");
    expect(muddied.confidences.at(-1)!).toBeLessThan(clear.confidences.at(-1)!);
  });

  it("reads past a one-word aside without taking it as a role", () => {
    const { rows, roles } = run(["Oleg Petrov, however, said that the deal was dead."], EN, "en");
    expect(rows.map((r) => r.who)).toEqual(["oleg-petrov"]);
    expect(roles.has("oleg-petrov")).toBe(false);
  });

  it("reads past a relative clause between the speaker and the verb without taking it as a role", () => {
    const { rows, roles } = run(["Oleg Petrov, who led the talks in 2020, said that the deal was dead."], EN, "en");
    expect(rows.map((r) => [r.who, r.cue])).toEqual([["oleg-petrov", "said"]]);
    expect(roles.has("oleg-petrov")).toBe(false);
  });
});

describe("role nouns and titles", () => {
  it("reads 'säger analytikern' and 'the analyst said' as the current speaker when the role fits", () => {
    const sv = run(
      ["Karin Berg är analytiker vid UI och har följt landet länge.", "– Regimen har köpt sig tid, säger Karin Berg.", "– Men priset blir högt, säger analytikern."],
      [{ id: "karin-berg", name: "Karin Berg", role: "analytiker vid UI" }],
    );
    expect(sv.rows.map((r) => [r.who, r.cue])).toEqual([
      ["karin-berg", "säger"],
      ["karin-berg", "role-noun"],
    ]);
    const en = run(
      ["“The regime has bought time,” said Mark Dunn, a senior analyst at the Baltic Institute.", "“The price will be high,” the analyst said."],
      EN,
      "en",
    );
    expect(en.rows.map((r) => [r.who, r.cue])).toEqual([
      ["mark-dunn", "said"],
      ["mark-dunn", "role-noun"],
    ]);
  });

  it("does not read a role noun that does not fit the current speaker as that speaker", () => {
    const { rows } = run(["“The regime has bought time,” said Mark Dunn, a senior analyst at the Baltic Institute.", "“We will leave on time,” the minister said."], EN, "en");
    expect(rows.map((r) => r.who)).toEqual(["mark-dunn"]);
  });

  it("reads titles between the verb and the name, and an age as apposition", () => {
    const { rows } = run(
      ["“We asked for help and got it,” said Foreign Minister Oleg Petrov.", "Mark Dunn, 54, said the request had been expected for weeks."],
      EN,
      "en",
    );
    expect(rows.map((r) => [r.who, r.kind])).toEqual([
      ["oleg-petrov", "quote"],
      ["mark-dunn", "reported"],
    ]);
  });
});

describe("sentences with two speakers", () => {
  it("splits a sentence whose coordinated clauses report two speakers", () => {
    const { rows } = run(["Per Holm har beskrivit demonstranterna som ”terrorister” och Erik Sand har sagt att inga protester kommer att tolereras."], SV);
    expect(rows.map((r) => [r.who, r.text])).toEqual([
      ["per-holm", "Per Holm har beskrivit demonstranterna som ”terrorister”"],
      ["erik-sand", "Erik Sand har sagt att inga protester kommer att tolereras."],
    ]);
  });

  it("gives the sentence to the speaker whose verb opens the reported clause when the other only frames it", () => {
    const { rows } = run(["Per Holm varnade redan i fjol, men nu säger Erik Sand att inga protester kommer att tolereras."], SV);
    expect(rows.map((r) => r.who)).toEqual(["erik-sand"]);
  });
});

describe("odd input", () => {
  it("never throws and only returns non-empty exact slices on unbalanced marks, bare dashes and empty lines", () => {
    const odd = [
      "”",
      "“ ”",
      "– ",
      "– ,säger",
      "“Unclosed quote, said Mark Dunn",
      "said” Mark Dunn “",
      "Enligt",
      "according to",
      "Per Holm, , , säger",
      "«Nous partons», a dit Oleg Petrov.",
      "''Two apostrophes'' he said.",
      "– ” – “ –",
      "x".repeat(5000),
    ];
    for (const lang of ["sv", "en"] as const) {
      const { rows } = run(odd, [...SV, ...EN], lang);
      for (const r of rows) expect(r.text.trim().length).toBeGreaterThan(0);
    }
  });
});
