import { describe, expect, it } from "vitest";
import { memoizeWord } from "./memo";

describe("memoizeWord", () => {
  it("computes each word once and remembers falsy answers too", () => {
    const calls: string[] = [];
    const isLong = memoizeWord((w) => {
      calls.push(w);
      return w.length > 3 ? w.length : 0;
    });
    expect([isLong("ab"), isLong("abcd"), isLong("ab"), isLong("abcd")]).toEqual([0, 4, 0, 4]);
    expect(calls).toEqual(["ab", "abcd"]);
  });
});
