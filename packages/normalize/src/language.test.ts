import { describe, expect, it } from "vitest";
import { detectLanguage } from "./language";
import { testContext } from "./test-context";

const { detector } = testContext([]);

describe("detectLanguage", () => {
  it("recognises Swedish running text", () => {
    expect(detectLanguage(detector, "Det är ett rött skynke för Putin, och det ska inte vara något majdan på Röda torget.")).toBe("sv");
  });

  it("recognises English running text", () => {
    expect(detectLanguage(detector, "The crisis in Kazakhstan is also likely to impinge on Russia's domestic politics.")).toBe("en");
  });

  it("recognises a short Swedish heading by its function words and letters", () => {
    expect(detectLanguage(detector, "Stöd till andra")).toBe("sv");
  });

  it("counts capitalised and upper-case stopwords like lower-case ones", () => {
    expect(detectLanguage(detector, "DET VAR INTE ATT VI")).toBe("sv");
    expect(detectLanguage(detector, "The And Of It Was")).toBe("en");
  });

  it("says unknown for text too short to tell", () => {
    expect(detectLanguage(detector, "Domestic risks")).toBe("unknown");
    expect(detectLanguage(detector, "CSTO")).toBe("unknown");
    expect(detectLanguage(detector, "")).toBe("unknown");
  });

  it("says unknown when the evidence is split between the languages", () => {
    expect(detectLanguage(detector, "the and of är och att")).toBe("unknown");
  });

  it("looks only at the range it is given", () => {
    const text = "Det är inte så. The crisis is over and the troops are leaving.";
    expect(detectLanguage(detector, text, 0, 15)).toBe("sv");
    expect(detectLanguage(detector, text, 16)).toBe("en");
  });
});
