import { describe, expect, it } from "vitest";
import { attributeDocument } from "./attribute";
import { buildDoc, type ParagraphSpec, type PersonSpec } from "./testing/doc";
import { repoRules } from "./testing/rules";

const rules = repoRules();

function rowsOf(paragraphs: (string | ParagraphSpec)[], persons: PersonSpec[], lang: "sv" | "en", authors: string[] = []) {
  const doc = buildDoc(paragraphs, persons, { lang, authors });
  return attributeDocument(doc, rules).attributions.map((a) => ({ who: a.speakers.join("+"), kind: a.kind, text: doc.text.slice(a.start, a.end) }));
}

describe("speaker-label transcripts", () => {
  it("gives each named turn to its speaker as a quote and the interviewer's turns nothing", () => {
    const rows = rowsOf(
      [
        "Transcript of a panel on the Almaty crisis.",
        "Q: What did the deployment change?",
        "OLGA PETRENKO, Baltic Policy Institute: The alliance now has a mandate to crush unrest, and every ruler in the region noticed.",
        "Q: Will the troops stay?",
        "Miles Ashgrove: I doubt they will stay long, but the debt of gratitude remains.",
      ],
      [{ id: "miles-ashgrove", name: "Miles Ashgrove" }],
      "en",
    );
    expect(rows).toEqual([
      { who: "olga-petrenko", kind: "quote", text: "The alliance now has a mandate to crush unrest, and every ruler in the region noticed." },
      { who: "miles-ashgrove", kind: "quote", text: "I doubt they will stay long, but the debt of gratitude remains." },
    ]);
  });

  it("treats a named host whose every turn is a question as the interviewer", () => {
    const rows = rowsOf(
      [
        "Ingrid Sol: Varför skickades trupperna så snabbt?",
        "Petter Ahl: Moskva ville visa att alliansen fungerar när regimen är hotad.",
        "Ingrid Sol: Och vad händer nu?",
        "Petter Ahl: Kazakstan kommer att få svårare att säga nej till Moskva.",
      ],
      [],
      "sv",
    );
    expect(rows.map((r) => [r.who, r.kind])).toEqual([
      ["petter-ahl", "quote"],
      ["petter-ahl", "quote"],
    ]);
  });

  it("does not read a single 'Note:' line as a transcript", () => {
    const rows = rowsOf(["Editorial Note: This story was updated on Friday with new figures."], [], "en");
    expect(rows).toEqual([]);
  });
});

describe("Q&A interviews", () => {
  const persons: PersonSpec[] = [{ id: "lena-varga", name: "Lena Varga" }, { id: "ivan-dorn", name: "Ivan Dorn" }];

  it("gives plain answers after bold questions to the interviewee the lead introduces", () => {
    const rows = rowsOf(
      [
        { text: "Who won in Almaty?", kind: "title" },
        "After the January crisis we asked Lena Varga, who studies Central Asian security, what comes next.",
        "**Why did the president call in the alliance?**",
        "He did not trust his own security services. Ivan Dorn had been their chief for years.",
        "**Will the troops stay?**",
        "Probably not, but Moscow will expect something in return.",
      ],
      persons,
      "en",
      ["Tom Reed"],
    );
    expect(rows).toEqual([
      { who: "lena-varga", kind: "quote", text: "He did not trust his own security services. Ivan Dorn had been their chief for years." },
      { who: "lena-varga", kind: "quote", text: "Probably not, but Moscow will expect something in return." },
    ]);
  });

  it("gives wholly quoted answers to the interviewee and keeps reported narrative with its speaker", () => {
    const rows = rowsOf(
      [
        "Vi frågade forskaren Lena Varga om krisen.",
        "Vad hände i januari?",
        "»Det började som en protest mot priserna men blev snabbt en maktkamp.«",
        "Ivan Dorn sade själv att han hade gett order om att skjuta.",
        "»Den meningen kommer att följa honom länge.«",
        "Och nu?",
        "»Moskva kommer sannolikt att kräva mer samarbete.«",
      ],
      persons,
      "sv",
    );
    expect(rows.map((r) => [r.who, r.kind, r.text.slice(0, 20)])).toEqual([
      ["lena-varga", "quote", "Det började som en p"],
      ["ivan-dorn", "reported", "Ivan Dorn sade själv"],
      ["lena-varga", "quote", "Den meningen kommer "],
      ["lena-varga", "quote", "Moskva kommer sannol"],
    ]);
  });

  it("leaves an analysis with rhetorical question sub-headings to its author", () => {
    const rows = rowsOf(
      [
        "Av Lena Varga",
        "Insatsen var kort men den politiska signalen var tydlig och Ivan Dorn fick det han ville ha.",
        "Vad händer nu?",
        "Moskva kommer sannolikt att kräva en motprestation av regeringen.",
        "Vem vinner på sikt?",
        "Kina har tålamod och pengar, och regionen vet om det.",
      ],
      persons,
      "sv",
    );
    expect(new Set(rows.map((r) => `${r.who}/${r.kind}`))).toEqual(new Set(["lena-varga/authored"]));
  });
});

describe("single-quoted speech", () => {
  it("attributes a single-quoted English quote to the speaker after it", () => {
    const rows = rowsOf(["'The alliance has shown it can move fast,' said Ivan Dorn, a defence analyst."], [{ id: "ivan-dorn", name: "Ivan Dorn" }], "en");
    expect(rows).toEqual([{ who: "ivan-dorn", kind: "quote", text: "The alliance has shown it can move fast" }]);
  });
});
