import { describe, expect, it } from "vitest";
import { attributeDocument } from "./attribute";
import { buildDoc, type PersonSpec } from "./testing/doc";
import { repoRules } from "./testing/rules";

const rules = repoRules();
const PERSONS: PersonSpec[] = [
  { id: "karim-tulegen", name: "Karim Tulegen" },
  { id: "sara-holt", name: "Sara Holt" },
];

function rowsOf(paragraphs: string[], lang: "sv" | "en") {
  const doc = buildDoc(paragraphs, PERSONS, { lang });
  return attributeDocument(doc, rules).attributions.map((a) => `${a.speakers.join("+")}/${a.kind}`);
}

describe("bylined reportage", () => {
  it("gives a feature told through reported speech no authored rows for its reporter", () => {
    const rows = rowsOf(
      [
        "By Jane Whitfield",
        "In the bazaar of Almaty, the shutters went up again on Monday, a week after the shooting stopped.",
        "Karim Tulegen, who sells carpets near the square, said he had never seen soldiers in the street before.",
        "The government says calm has returned. Many residents remain unconvinced and prices have risen sharply.",
        "Sara Holt, an analyst at the Northern Institute, said the deployment would leave Moscow with more leverage over the government.",
        "Tulegen was more blunt. He believes the troops came to protect the elite, not the people.",
        "By evening the square was empty again and police patrolled the side streets.",
      ],
      "en",
    );
    expect(rows).toEqual(["karim-tulegen/reported", "sara-holt/reported", "karim-tulegen/reported"]);
  });

  it("does not count first person inside single-quoted speech as the reporter's own voice", () => {
    const rows = rowsOf(
      [
        "By Jane Whitfield",
        "In the bazaar of Almaty, the shutters went up again on Monday, a week after the shooting stopped.",
        "'I have never seen soldiers in the street before,' said Karim Tulegen, who sells carpets near the square.",
        "The government says calm has returned. Many residents remain unconvinced and prices have risen sharply.",
        "‘Moscow will want something back for this,’ said Sara Holt, an analyst at the Northern Institute.",
        "By evening the square was empty again and police patrolled the side streets.",
      ],
      "en",
    );
    expect(rows).toEqual(["karim-tulegen/quote", "sara-holt/quote"]);
  });

  it("reads a Swedish dateline closed by a full stop under the byline as news", () => {
    const rows = rowsOf(
      [
        "Av Anna Lindqvist",
        "ALMATY. På basaren i Almaty öppnade butikerna igen på måndagen, en vecka efter att skotten tystnat.",
        "Karim Tulegen, som säljer mattor nära torget, har aldrig sett soldater på gatorna förut.",
        "Sara Holt, analytiker vid Nordiska institutet, menar att insatsen ger Moskva mer inflytande över regeringen.",
        "På kvällen var torget tomt igen och polis patrullerade gatorna.",
      ],
      "sv",
    );
    expect(rows).toEqual(["sara-holt/reported"]);
  });

  it("keeps a bylined analysis that cites one other voice as its author's", () => {
    const rows = rowsOf(
      [
        "By Jane Whitfield",
        "The intervention was short, but its political signal was unmistakable and will outlast the troops.",
        "Moscow has shown that the alliance can move fast when a friendly regime is threatened.",
        "Sara Holt, an analyst at the Northern Institute, said the deployment would leave Moscow with more leverage.",
        "That leverage will be tested the next time the government in Astana wants to sell grain to China.",
        "The region's other rulers have taken note, and few of them will forget the lesson soon.",
      ],
      "en",
    );
    expect(rows).toEqual(["jane-whitfield/authored", "jane-whitfield/authored", "sara-holt/reported", "jane-whitfield/authored", "jane-whitfield/authored"]);
  });
});
