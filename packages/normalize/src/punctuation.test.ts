import { describe, expect, it } from "vitest";
import { unifyPunctuation } from "./punctuation";

describe("unifyPunctuation", () => {
  it("turns every double quotation mark style into one open/close pair", () => {
    expect(unifyPunctuation("”Hem”, „hem“, «hem», »hem», \"hem\" och ''hem''")).toBe("“Hem”, “hem”, “hem”, “hem”, “hem” och “hem”");
  });

  it("closes a quote that ends after punctuation and opens one after a dash", () => {
    expect(unifyPunctuation("– ”Vi är herre i vårt eget hus”, säger hon.")).toBe("– “Vi är herre i vårt eget hus”, säger hon.");
    expect(unifyPunctuation("the only option,'' he added")).toBe("the only option,” he added");
  });

  it("turns em dashes, figure dashes and spaced hyphens into the en dash", () => {
    expect(unifyPunctuation("intervention — which was ruled out - was unavoidable")).toBe("intervention – which was ruled out – was unavoidable");
  });

  it("keeps hyphens inside words and en dashes in ranges", () => {
    expect(unifyPunctuation("Kasym-Zjomart Tokajev, den 5–6 januari")).toBe("Kasym-Zjomart Tokajev, den 5–6 januari");
  });

  it("makes a leading hyphen or em dash the Swedish dash-quote", () => {
    expect(unifyPunctuation("- Det återstår att se.")).toBe("– Det återstår att se.");
    expect(unifyPunctuation("— Det återstår att se.")).toBe("– Det återstår att se.");
  });

  it("collapses whitespace runs, non-breaking spaces and drops soft hyphens", () => {
    expect(unifyPunctuation("  2\u00a0500   sol\u00addater \u200bkom  ")).toBe("2 500 soldater kom");
  });

  it("makes one space of a run mixing odd spaces, invisible characters and plain spaces", () => {
    expect(unifyPunctuation("a\u2003\u200b\u2003b \t \u00a0c\u3000\u3000")).toBe("a b c");
  });

  it("keeps a hyphen before an odd space inside a word pair, and dashes it after a space", () => {
    expect(unifyPunctuation("x-\u00a0y x -\u00a0y")).toBe("x- y x – y");
  });

  it("leaves apostrophes alone", () => {
    expect(unifyPunctuation("Russia’s and RIAC's")).toBe("Russia’s and RIAC's");
  });
});
