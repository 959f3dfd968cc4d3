import { describe, expect, it } from "vitest";
import { WordTable } from "./word-table";

/** A table that records every word it computes and answers with the word itself. */
function recording() {
  const computed: string[] = [];
  const table = new WordTable((word) => {
    computed.push(word);
    return word;
  });
  const at = (text: string, word: string) => table.get(text, text.indexOf(word), text.indexOf(word) + word.length);
  return { computed, table, at };
}

describe("WordTable", () => {
  it("looks a stretch up under its lower-cased form with straight apostrophes, computing it once", () => {
    const { computed, at } = recording();
    expect(at("Moscow’s grip", "Moscow’s")).toBe("moscow's");
    expect(at("moscow's grip", "moscow's")).toBe("moscow's");
    expect(at("MOSCOW'S GRIP", "MOSCOW'S")).toBe("moscow's");
    expect(computed).toEqual(["moscow's"]);
  });

  it("tells apart words that share letters or a prefix", () => {
    const { computed, at } = recording();
    expect([at("trupp", "trupp"), at("trupper", "trupper"), at("Åland", "Åland"), at("aland", "aland"), at("trupp", "trupp")]).toEqual(["trupp", "trupper", "åland", "aland", "trupp"]);
    expect(computed).toEqual(["trupp", "trupper", "åland", "aland"]);
  });

  it("lower-cases a letter whose lower case is longer as the whole word would be", () => {
    const { computed, at } = recording();
    expect(at("İstanbul", "İstanbul")).toBe("İstanbul".toLowerCase());
    expect(at("İstanbul", "İstanbul")).toBe("İstanbul".toLowerCase());
    expect(computed).toHaveLength(1);
  });

  it("keeps every word findable as it grows", () => {
    const { computed, at } = recording();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    for (const w of words) at(w, w);
    for (const w of words) expect(at(w.toUpperCase(), w.toUpperCase())).toBe(w);
    expect(computed).toHaveLength(words.length);
  });
});
