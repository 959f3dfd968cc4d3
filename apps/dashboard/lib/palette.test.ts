import { describe, expect, it } from "vitest";
import { assignColors, heat, SERIES_COLORS } from "./palette";

describe("assignColors", () => {
  it("keeps fixed colours and gives everyone else a colour no one in the view has", () => {
    const fixed = new Map([["analyst", SERIES_COLORS[0]]]);
    const colors = assignColors(["analyst", "official", "other"], (id) => fixed.get(id));
    expect(colors.get("analyst")).toBe(SERIES_COLORS[0]);
    expect(new Set(colors.values()).size).toBe(3);
  });

  it("prefers colours that no compared analyst owns elsewhere", () => {
    const colors = assignColors(["official"], () => undefined, new Set([SERIES_COLORS[0]!]));
    expect(colors.get("official")).toBe(SERIES_COLORS[1]);
  });

  it("reuses colours only once the palette is exhausted", () => {
    const ids = Array.from({ length: SERIES_COLORS.length + 1 }, (_, i) => `p${i}`);
    const colors = assignColors(ids, () => undefined);
    expect(new Set(colors.values()).size).toBe(SERIES_COLORS.length);
  });
});

describe("heat", () => {
  it("writes dark text on light cells and light text on dark cells", () => {
    expect(heat(0).color).toBe("#000");
    expect(heat(1).color).toBe("#fff");
  });
});
