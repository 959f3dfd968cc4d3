import { describe, expect, it } from "vitest";
import { roleLine } from "./roles";

describe("roleLine", () => {
  it("keeps the text's role and affiliation as they are when the registry says the same", () => {
    expect(roleLine("forskningsledare, Totalförsvarets forskningsinstitut (FOI)", "Totalförsvarets forskningsinstitut (FOI)")).toBe(
      "forskningsledare, Totalförsvarets forskningsinstitut (FOI)",
    );
  });

  it("keeps the text's affiliation when the registry spells it differently", () => {
    expect(roleLine("analytiker, Utrikespolitiska institutet", "Centrum för Östeuropastudier (SCEEUS), Utrikespolitiska institutet")).toBe(
      "analytiker, Utrikespolitiska institutet",
    );
  });

  it("adds the registry's affiliation when the text gave only a role", () => {
    expect(roleLine("analyst", "Example Institute")).toBe("analyst, Example Institute");
  });

  it("falls back to the registry alone, and to nothing when neither is known", () => {
    expect(roleLine("", "Example Institute")).toBe("Example Institute");
    expect(roleLine("", undefined)).toBe("");
  });
});
