import { describe, expect, it } from "vitest";
import { limitOptions } from "./option-limit";

const opts = [
  { value: "a", label: "A", weight: 1 },
  { value: "b", label: "B", weight: 9 },
  { value: "c", label: "C", weight: 5 },
  { value: "d", label: "D", weight: 7 },
];

describe("limitOptions", () => {
  it("keeps every option when there are few", () => {
    expect(limitOptions(opts, [], 10)).toEqual({ shown: opts, hidden: 0 });
  });

  it("keeps the options with most statements, in their original order, and counts the rest", () => {
    const { shown, hidden } = limitOptions(opts, [], 2);
    expect(shown.map((o) => o.value)).toEqual(["b", "d"]);
    expect(hidden).toBe(2);
  });

  it("never drops a selected option, so the form shows the active filter", () => {
    const { shown, hidden } = limitOptions(opts, ["a"], 2);
    expect(shown.map((o) => o.value)).toEqual(["a", "b", "d"]);
    expect(hidden).toBe(1);
  });
});
