import { describe, expect, it } from "vitest";
import { GoldRow, parseRows, PredictedRow } from "./gold";

const header = "doc_id,anchor,speaker,kind,frame,themes,hedged\n";

describe("parseRows with the gold schema", () => {
  it("splits themes on ; and reads hedged as a boolean, an empty themes cell as no theme", () => {
    const rows = parseRows(`${header}d1,trupperna blir kvar,Jakob Hedenskog,quote,risk,troop-entrenchment;escalation,true\nd1,en bakgrundsmening,Jakob Hedenskog,authored,assessment,,false\n`, GoldRow, "gold.csv");
    expect(rows.map((r) => [r.themes, r.hedged])).toEqual([
      [["troop-entrenchment", "escalation"], true],
      [[], false],
    ]);
  });

  it("names the file, line and field of every bad row", () => {
    const text = `${header}d1,trupperna blir kvar,Jakob Hedenskog,quoted,risk,,true\nd1,kort,Jakob Hedenskog,quote,risk,,yes\n`;
    let message = "";
    try {
      parseRows(text, GoldRow, "data/gold/x.csv");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/data\/gold\/x\.csv:2: invalid record\n\s+kind:/);
    expect(message).toMatch(/data\/gold\/x\.csv:3: invalid record\n\s+anchor: use a distinctive substring[\s\S]*hedged: use true or false/);
  });

  it("rejects a theme id that is not kebab-case", () => {
    expect(() => parseRows(`${header}d1,trupperna blir kvar,J H,quote,risk,Troop Entrenchment,false\n`, GoldRow, "g.csv")).toThrow(/g\.csv:2: invalid record\n\s+themes\.0:/);
  });
});

describe("parseRows with statements.csv columns", () => {
  it("reads the columns the evaluation needs and ignores the rest", () => {
    const csv = "statement_id,doc_id,speaker_id,speaker_name,speaker_role,kind,frame,themes,hedged,confidence,cue,lang,start,end,text\ns1,d1,jakob-hedenskog,Jakob Hedenskog,analyst,quote,risk,escalation,false,0.9,säger,sv,0,10,Det blir värre.\n";
    const [row] = parseRows(csv, PredictedRow, "statements.csv");
    expect(row).toMatchObject({ speaker_id: "jakob-hedenskog", themes: ["escalation"], hedged: false, lang: "sv", text: "Det blir värre." });
  });
});
