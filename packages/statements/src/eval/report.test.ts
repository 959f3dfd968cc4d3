import { describe, expect, it } from "vitest";
import { formatReport } from "./report";
import { scoreRun } from "./score";

describe("formatReport", () => {
  it("prints the attribution table and names each miss and false positive with its reason", () => {
    const scores = scoreRun(
      [{ doc_id: "d1", anchor: "trupperna blir kvar", speaker: "Jakob Hedenskog", kind: "quote", frame: "risk", themes: [], hedged: false }],
      [{ statement_id: "s7", doc_id: "d1", speaker_id: "", speaker_name: "Gudrun Persson", kind: "quote", frame: "risk", themes: [], hedged: false, lang: "sv", text: "– Trupperna blir kvar." }],
    );
    const report = formatReport(scores);
    expect(report).toMatch(/overall\s+0\.0%\s+0\.0%\s+0\.0%\s+0\s+1\s+1/);
    expect(report).toContain('d1 Jakob Hedenskog [quote] "trupperna blir kvar": attributed to Gudrun Persson');
    expect(report).toContain('d1 s7 Gudrun Persson [quote] "– Trupperna blir kvar.": gold gives this text to another speaker');
  });
});
