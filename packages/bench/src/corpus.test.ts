import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus, perturbNumbers, prepareCorpusSource, splitSentences, varySentences, type CorpusOptions } from "./corpus";
import { createRng } from "./prng";
import { toSourceArticle } from "./source";

const OPTIONS: CorpusOptions = { seed: 7, meanBytes: 1500 };

// Invented articles: names are used in full and later by surname, numbers and dates appear.
const FIXTURES = [
  toSourceArticle(
    "a.txt",
    [
      "Harbour talks stall again",
      "Delegates met in 2019 and again on 14 March, when 2 500 observers waited outside the hall for the verdict of the panel.",
      "Analysts disagree about what comes next, and the chair of the meeting, Petra Lindqvist, said the delay would cost about 340 million.",
      "– We have never seen a session end like this, said Lindqvist after the vote.",
      "Tomas Berglund, researcher at the institute, expects more rounds of talks before the summer of 2023.",
      "Berglund thinks the smaller members will push for a deal of their own within 12 months.",
    ].join("\n"),
  ),
  toSourceArticle(
    "b.txt",
    [
      "Ports reopen after the strike",
      "Traffic returned on 3 June after a stoppage of 9 days that kept 1 200 ships waiting near the coast and cost the region dearly.",
      "According to Petra Lindqvist the port authority must now decide how to pay the 57 extra crews hired during the stoppage.",
      "Tomas Berglund warned that a second strike in 2024 would hit exporters far harder than the first one did.",
    ].join("\n"),
  ),
];

function corpus(count: number, options = OPTIONS): string[] {
  return [...generateCorpus(prepareCorpusSource(FIXTURES, options.seed), count, options)].map((d) => d.text);
}

describe("generateCorpus", () => {
  it("gives the same bytes for the same seed and different bytes for another seed", () => {
    expect(corpus(20).join("\f")).toBe(corpus(20).join("\f"));
    expect(corpus(20, { ...OPTIONS, seed: 8 }).join("\f")).not.toBe(corpus(20).join("\f"));
  });

  it("produces exactly the requested number of documents, none identical", () => {
    const docs = corpus(137);
    expect(docs).toHaveLength(137);
    expect(new Set(docs).size).toBe(137);
  });

  it("starts each document with a title line followed by a blank line", () => {
    for (const doc of corpus(10)) {
      const [title, blank] = doc.split("\n");
      expect(title?.length).toBeGreaterThan(0);
      expect(blank).toBe("");
    }
  });

  it("replaces found names with names that are not in the sources", () => {
    const text = corpus(50).join("\n");
    const surnames = [...text.matchAll(/(?:Petra|Tomas) (\p{Lu}[\p{Ll}-]+)/gu)].map((m) => m[1]);
    expect(surnames.length).toBeGreaterThan(0);
    expect(surnames.some((s) => s !== "Lindqvist" && s !== "Berglund")).toBe(true);
  });

  it("keeps a person's full name and later surname consistent within a document", () => {
    for (const doc of corpus(60)) {
      const m = /the meeting, (\p{Lu}\p{Ll}+) (\p{Lu}[\p{Ll}-]+), said the delay[^]*?– We have never seen a session end like this, said (\p{Lu}[\p{Ll}-]+) after/u.exec(doc);
      if (m) expect(m[3]).toBe(m[2]);
    }
  });

  it("changes numbers between documents", () => {
    const counts = new Set(corpus(40).flatMap((d) => [...d.matchAll(/(\d+) million/g)].map((m) => m[1])));
    expect(counts.size).toBeGreaterThan(1);
  });

  it("keeps documents of one language apart from the other", () => {
    const swedish = toSourceArticle("c.txt", "Överenskommelsen väntas i år\nDelegaterna möttes på måndagen och förhandlade länge om nästa års budget för hamnen.\n");
    const docs = [...generateCorpus(prepareCorpusSource([...FIXTURES, swedish], 1), 40, OPTIONS)];
    for (const doc of docs.filter((d) => d.language === "sv")) expect(doc.text).not.toMatch(/Delegates|Traffic|Analysts/);
    expect(docs.some((d) => d.language === "sv")).toBe(true);
  });

  it("never emits a whole seed article", () => {
    const dir = join(import.meta.dirname, "..", "..", "..", "data", "articles");
    const seeds = readdirSync(dir).map((f) => toSourceArticle(f, readFileSync(join(dir, f), "utf8")));
    const docs = [...generateCorpus(prepareCorpusSource(seeds, 1), 200, { seed: 1, meanBytes: 6000 })].map((d) => d.text);
    for (const seed of seeds) {
      const whole = seed.paragraphs.join("\n\n");
      expect(docs.some((d) => d.includes(whole))).toBe(false);
    }
  });
});

describe("perturbNumbers", () => {
  it("moves years by a few years and keeps other numbers the same length", () => {
    const rng = createRng(3);
    for (let i = 0; i < 50; i += 1) {
      const [year, count] = perturbNumbers("2022 48317", rng).split(" ").map(Number);
      expect(Math.abs((year ?? 0) - 2022)).toBeLessThanOrEqual(3);
      expect(String(count)).toHaveLength(5);
    }
  });

  it("keeps days of the month small and positive", () => {
    const rng = createRng(4);
    for (let i = 0; i < 50; i += 1) {
      const day = Number(perturbNumbers("2", rng));
      expect(day).toBeGreaterThanOrEqual(1);
      expect(day).toBeLessThanOrEqual(5);
    }
  });
});

describe("varySentences", () => {
  const pool = { narrative: ["Inserted narrative sentence stands here."], spoken: ["Inserted spoken sentence stands here."] };

  it("never splices into a quotation that spans sentences", () => {
    const paragraph = "“First quoted sentence runs on. Second quoted sentence ends.” said the analyst. The report follows.";
    for (let seed = 0; seed < 100; seed += 1) {
      const varied = varySentences(paragraph, pool, createRng(seed));
      expect(varied).toContain("“First quoted sentence runs on. Second quoted sentence ends.”");
    }
  });

  it("gives dash quotes only spoken sentences and other paragraphs only narrative ones", () => {
    const dash = "– We will see what happens next. Nobody can know it yet, in my view.";
    const plain = "The talks went on all week. Delegates left on Friday without a deal.";
    const variedDash = Array.from({ length: 50 }, (_, seed) => varySentences(dash, pool, createRng(seed))).join("\n");
    const variedPlain = Array.from({ length: 50 }, (_, seed) => varySentences(plain, pool, createRng(seed))).join("\n");
    expect(variedDash).toContain("spoken");
    expect(variedDash).not.toContain("narrative");
    expect(variedPlain).toContain("narrative");
    expect(variedPlain).not.toContain("spoken");
  });

  it("leaves headings alone", () => {
    expect(varySentences("Risks ahead", pool, createRng(1))).toBe("Risks ahead");
  });
});

describe("splitSentences", () => {
  it("splits after sentence ends, also before a dash or after a closing quote", () => {
    expect(splitSentences("One ends here. “Two” starts. – Three.” Four")).toEqual(["One ends here.", "“Two” starts.", "– Three.”", "Four"]);
  });
});
