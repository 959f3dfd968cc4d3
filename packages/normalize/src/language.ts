import type { Lang } from "@viewpoints/artifacts";
import { isLetter } from "./chars";
import type { KnownLang } from "./language-data";

/** What detection needs of one language: its stopwords and the letters only it uses. */
export interface LanguageProfile {
  lang: KnownLang;
  stopwords: ReadonlySet<string>;
  letters: ReadonlySet<number>;
}

/** Below this much evidence a text is "unknown": too short to tell, never a guess. */
const MIN_EVIDENCE = 2;
/** The winner must outweigh the runner-up this many times, or the text is ambiguous. */
const DOMINANCE = 2;

/**
 * Detects the language of text[start, end) from stopword hits and language-specific letters.
 * Returns "unknown" when the evidence is thin or split.
 */
export function detectLanguage(text: string, profiles: readonly LanguageProfile[], start = 0, end = text.length): Lang {
  const scores = new Array<number>(profiles.length).fill(0);
  let i = start;
  while (i < end) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < end && isLetter(text.charCodeAt(i))) i++;
    const word = text.slice(s, i).toLowerCase();
    for (let p = 0; p < profiles.length; p++) {
      const profile = profiles[p]!;
      let score = profile.stopwords.has(word) ? 1 : 0;
      if (profile.letters.size > 0) {
        for (let k = 0; k < word.length; k++) {
          if (profile.letters.has(word.charCodeAt(k))) {
            score += 1;
            break;
          }
        }
      }
      scores[p]! += score;
    }
  }
  let best = -1;
  let bestScore = 0;
  let second = 0;
  for (let p = 0; p < scores.length; p++) {
    const score = scores[p]!;
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = p;
    } else if (score > second) {
      second = score;
    }
  }
  if (best < 0 || bestScore < MIN_EVIDENCE || bestScore < DOMINANCE * second) return "unknown";
  return profiles[best]!.lang;
}
