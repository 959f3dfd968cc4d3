import type { Removal } from "@viewpoints/artifacts";
import { countWords } from "./chars";
import type { CleaningRule } from "./language-data";

/** A cleaning rule with its regexes built once. */
export interface CompiledRule {
  id: string;
  action: CleaningRule["action"];
  maxWords: number;
  stripWhenLonger: boolean;
  test: RegExp;
  all: RegExp;
}

/** Compiles rules once per run; the patterns were validated by the LanguageRules schema. */
export function compileRules(rules: readonly CleaningRule[]): CompiledRule[] {
  return rules.map((rule) => ({
    id: rule.id,
    action: rule.action,
    maxWords: rule.maxWords ?? Number.POSITIVE_INFINITY,
    stripWhenLonger: rule.whenLonger === "strip-match",
    test: new RegExp(rule.pattern, rule.flags),
    all: new RegExp(rule.pattern, `${rule.flags}g`),
  }));
}

/** Paragraphs left after cleaning, and every piece of text removed with the rule that removed it. */
export interface Cleaned {
  paragraphs: string[];
  removed: Removal[];
}

function stripMatches(paragraph: string, rule: CompiledRule, removed: Removal[]): string {
  rule.all.lastIndex = 0;
  const kept = paragraph.replace(rule.all, (match) => {
    const text = match.trim();
    if (text) removed.push({ rule: rule.id, text });
    return " ";
  });
  return kept.trim();
}

/** The words of paragraphs from `from` on, counted up to `limit`. */
function wordsFrom(paragraphs: readonly string[], from: number, limit: number): number {
  let n = 0;
  for (let i = from; i < paragraphs.length && n < limit; i++) n += countWords(paragraphs[i]!, limit - n);
  return n;
}

/** A paragraph's word count, counted only as far as the rules ask: up to `first`, further only when a rule asks for more. */
class WordCount {
  private counted = 0;
  private limit = 0;

  constructor(
    private readonly text: string,
    private readonly first: number,
  ) {}

  /** Whether the paragraph has more than `max` words. */
  exceeds(max: number): boolean {
    if (!Number.isFinite(max)) return false;
    // counted < limit: the exact count is known; otherwise it is at least limit.
    if (this.counted < this.limit || max < this.limit) return this.counted > max;
    this.limit = Math.max(max + 1, this.first);
    this.counted = countWords(this.text, this.limit);
    return this.counted > max;
  }
}

/**
 * Removes what is not the article: each paragraph runs through the rules in order. A drop rule
 * never removes a paragraph longer than its maxWords (only the matched text), so a caption rule
 * cannot eat a real paragraph.
 */
export function cleanParagraphs(paragraphs: readonly string[], rules: readonly CompiledRule[]): Cleaned {
  const kept: string[] = [];
  const removed: Removal[] = [];
  // Counting stops at the largest limit a rule checks before its test; a strip rule asks only after a match.
  let first = 0;
  for (const rule of rules) if (rule.action === "drop" && !rule.stripWhenLonger && Number.isFinite(rule.maxWords)) first = Math.max(first, rule.maxWords + 1);
  outer: for (let p = 0; p < paragraphs.length; p++) {
    let text = paragraphs[p]!;
    let words = new WordCount(text, first);
    for (const rule of rules) {
      if (!text) break;
      // A long paragraph a drop rule would keep anyway need not be tested.
      if (rule.action === "drop" && !rule.stripWhenLonger && words.exceeds(rule.maxWords)) continue;
      if (!rule.test.test(text)) continue;
      if (rule.action === "truncate") {
        if (wordsFrom(paragraphs, p, rule.maxWords + 1) <= rule.maxWords) {
          removed.push({ rule: rule.id, text: [text, ...paragraphs.slice(p + 1)].join("\n") });
          break outer;
        }
        removed.push({ rule: rule.id, text });
        text = "";
      } else if (rule.action === "drop" && !words.exceeds(rule.maxWords)) {
        removed.push({ rule: rule.id, text });
        text = "";
      } else {
        text = stripMatches(text, rule, removed);
        words = new WordCount(text, first);
      }
    }
    if (text) kept.push(text);
  }
  return { paragraphs: kept, removed };
}
