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

function wordsFrom(paragraphs: readonly string[], from: number): number {
  let n = 0;
  for (let i = from; i < paragraphs.length; i++) n += countWords(paragraphs[i]!);
  return n;
}

/** A paragraph's word count, counted only as far as a rule's limit asks: most limits are well below the largest. */
class WordCount {
  private counted = 0;
  private limit = 0;

  constructor(private readonly text: string) {}

  /** Whether the paragraph has more than `max` words. */
  exceeds(max: number): boolean {
    if (!Number.isFinite(max)) return false;
    // counted < limit: the exact count is known; otherwise it is at least limit.
    if (this.counted < this.limit || max < this.limit) return this.counted > max;
    this.limit = max + 1;
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
  outer: for (let p = 0; p < paragraphs.length; p++) {
    let text = paragraphs[p]!;
    let words = new WordCount(text);
    for (const rule of rules) {
      if (!text) break;
      // A long paragraph a drop rule would keep anyway need not be tested.
      if (rule.action === "drop" && !rule.stripWhenLonger && words.exceeds(rule.maxWords)) continue;
      if (!rule.test.test(text)) continue;
      if (rule.action === "truncate") {
        const tail = [text, ...paragraphs.slice(p + 1)];
        if (wordsFrom(paragraphs, p) <= rule.maxWords) {
          removed.push({ rule: rule.id, text: tail.join("\n") });
          break outer;
        }
        removed.push({ rule: rule.id, text });
        text = "";
      } else if (rule.action === "drop" && !words.exceeds(rule.maxWords)) {
        removed.push({ rule: rule.id, text });
        text = "";
      } else {
        text = stripMatches(text, rule, removed);
        words = new WordCount(text);
      }
    }
    if (text) kept.push(text);
  }
  return { paragraphs: kept, removed };
}
