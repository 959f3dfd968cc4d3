import { describe, expect, it } from "vitest";
import type { ThemeAgreementRow } from "@viewpoints/artifacts";
import { agreementVerdict, rankAgreement } from "./agreement";

const analyst = (statements: number, withTheme: number) => ({ statements, withTheme });

describe("agreementVerdict", () => {
  it("agrees when most analysts raise the theme with similar weight", () => {
    // The analyst who does not raise it pulls the spread up (share 0), yet 3 of 4 stay close enough.
    const v = agreementVerdict([analyst(10, 3), analyst(10, 3), analyst(20, 6), analyst(10, 0)]);
    expect(v).toMatchObject({ analysts_addressing: 3, analysts_total: 4, verdict: "agree" });
    const w = agreementVerdict([analyst(10, 3), analyst(10, 4), analyst(20, 6)]);
    expect(w.verdict).toBe("agree");
    expect(w.share_spread).toBeCloseTo(Math.sqrt(((0.3 - 1 / 3) ** 2 + (0.4 - 1 / 3) ** 2 + (0.3 - 1 / 3) ** 2) / 3), 12);
  });

  it("differs when at most half of the analysts raise the theme", () => {
    expect(agreementVerdict([analyst(10, 5), analyst(10, 0), analyst(10, 0), analyst(8, 0)]).verdict).toBe("differ");
    expect(agreementVerdict([analyst(10, 1), analyst(10, 1), analyst(10, 0), analyst(10, 0)]).verdict).toBe("differ");
  });

  it("differs when all raise the theme but with very different weight", () => {
    const v = agreementVerdict([analyst(10, 10), analyst(10, 1), analyst(10, 9), analyst(10, 1)]);
    expect(v.share_spread).toBeGreaterThan(0.25);
    expect(v.verdict).toBe("differ");
  });

  it("is neutral between the agree and differ thresholds", () => {
    // 3 of 5 address it (0.6): not most, not a minority.
    expect(agreementVerdict([analyst(10, 2), analyst(10, 2), analyst(10, 2), analyst(10, 0), analyst(10, 0)]).verdict).toBe("neutral");
  });

  it("ignores analysts without statements and is neutral with fewer than two left or nobody addressing", () => {
    expect(agreementVerdict([analyst(10, 4), analyst(0, 0), analyst(0, 0)])).toMatchObject({ analysts_total: 1, verdict: "neutral" });
    expect(agreementVerdict([analyst(10, 0), analyst(10, 0)])).toMatchObject({ analysts_addressing: 0, verdict: "neutral" });
    expect(agreementVerdict([])).toMatchObject({ analysts_total: 0, share_spread: 0, verdict: "neutral" });
  });
});

describe("rankAgreement", () => {
  const row = (theme_id: string, verdict: ThemeAgreementRow["verdict"], analysts_addressing: number, share_spread: number): ThemeAgreementRow => ({
    theme_id,
    verdict,
    analysts_addressing,
    analysts_total: 5,
    share_spread,
    statement_ids: [],
  });

  it("puts the strongest agreement first and the widest split last", () => {
    const ranked = rankAgreement([
      row("d-wide", "differ", 2, 0.3),
      row("n-mid", "neutral", 3, 0.1),
      row("a-four", "agree", 4, 0.05),
      row("a-five", "agree", 5, 0.1),
      row("d-narrow", "differ", 1, 0.1),
    ]);
    expect(ranked.map((r) => r.theme_id)).toEqual(["a-five", "a-four", "n-mid", "d-narrow", "d-wide"]);
  });
});
