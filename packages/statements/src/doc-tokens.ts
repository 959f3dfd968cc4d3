import type { TextRange } from "./quotes";
import { rangeFinder } from "./sentence-index";
import { tokenize, type Token } from "./tokens";

/** Tokens of `text[from, to)`, identical to `tokenize(text, from, to)`. */
export type TokensIn = (from: number, to: number) => Token[];

/** First index in `tokens` whose start is at or after `offset`. */
function firstAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Tokenizes each paragraph of a document once and serves any stretch inside one from that: the
 * stages that read a sentence (names, cues, authors, genre) no longer each tokenize it again. A
 * stretch whose edge cuts a paragraph token ("RIAC’s" cut after the apostrophe) would tokenize
 * differently, so it is tokenized on its own. Callers must not mutate the tokens.
 */
export function paragraphTokens(text: string, paragraphs: readonly TextRange[]): TokensIn {
  const paragraphAt = rangeFinder(paragraphs);
  const cache = new Map<TextRange, Token[]>();
  return (from, to) => {
    const p = paragraphAt(from);
    if (!p || to > p.end || to < from) return tokenize(text, from, to);
    let tokens = cache.get(p);
    if (!tokens) {
      tokens = tokenize(text, p.start, p.end);
      cache.set(p, tokens);
    }
    const a = firstAtOrAfter(tokens, from);
    const b = firstAtOrAfter(tokens, to);
    // A token that starts before an edge and ends after it would be cut there.
    if (a > 0 && tokens[a - 1]!.end > from) return tokenize(text, from, to);
    if (b > 0 && tokens[b - 1]!.end > to) return tokenize(text, from, to);
    // The whole paragraph is asked for again and again (names, cues, voices): hand out the cached array.
    return a === 0 && b === tokens.length ? tokens : tokens.slice(a, b);
  };
}
