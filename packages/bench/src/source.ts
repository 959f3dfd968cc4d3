/** Source articles taken apart into the pieces the synthetic corpus is built from. */

export interface SourceArticle {
  file: string;
  language: string;
  text: string;
  paragraphs: string[];
}

export interface PersonName {
  first: string;
  last: string;
}

const TERMINAL = new Set([".", "!", "?", "”", "\"", "’", "'", ")", ":"]);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function endsSentence(line: string): boolean {
  return TERMINAL.has(line.charAt(line.length - 1));
}

/**
 * Splits an article into paragraphs. Files with one paragraph per line keep their lines; hard-wrapped
 * files (short lines of about one width) are joined back: a blank line, or a line that ends a sentence
 * well short of the wrap width, closes a paragraph, and a short line after a finished sentence opens one.
 */
export function splitParagraphs(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((l) => l.trim());
  const filled = lines.filter((l) => l !== "");
  const width = percentile(filled.map((l) => l.length), 0.9);
  const hardWrapped = filled.length >= 8 && width <= 100;
  if (!hardWrapped) return filled;

  const paragraphs: string[] = [];
  let current: string[] = [];
  const close = () => {
    if (current.length > 0) paragraphs.push(current.join(" "));
    current = [];
  };
  for (const line of lines) {
    if (line === "") {
      close();
      continue;
    }
    const previous = current[current.length - 1];
    if (previous !== undefined && endsSentence(previous) && line.length < width * 0.5) close();
    current.push(line);
    if (endsSentence(line) && line.length < width * 0.8) close();
  }
  close();
  return paragraphs;
}

/** Letters that mark a language in running text; a language without markers is the fallback. */
const LANGUAGE_MARKERS: Record<string, string> = { sv: "åäöÅÄÖ" };
const FALLBACK_LANGUAGE = "en";

/** Guesses an article's language from marker letters (enough to group the seed articles; not a detector). */
export function guessLanguage(text: string): string {
  let letters = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 191) letters += 1;
  }
  for (const [language, markers] of Object.entries(LANGUAGE_MARKERS)) {
    let hits = 0;
    for (const ch of text) if (markers.includes(ch)) hits += 1;
    if (letters > 0 && hits / letters > 0.005) return language;
  }
  return FALLBACK_LANGUAGE;
}

/** True when the text before `at` is a sentence or paragraph boundary (skipping quotes and dashes). */
function opensSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i -= 1) {
    const ch = text.charAt(i);
    if (ch === "\n") return true;
    if (ch === " " || ch === "\t" || "“”\"'(–—-".includes(ch)) continue;
    return ".!?:".includes(ch);
  }
  return true;
}

const CAPITALISED = /\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*/gu;
const WORD = /\p{L}+/gu;

/**
 * Finds person names as "First Last": the last two words of a run of capitalised words (titles come
 * first: "President First Last"), kept when the surname is used again (alone, or the pair repeats) and
 * the first name never stands alone nor appears in lower case (which drops sentence openers and
 * organisation words). A pair seen only at the start of sentences ("After Someone") is not a name.
 */
export function findPersonNames(texts: string[]): PersonName[] {
  const pairs = new Map<string, PersonName & { count: number; midSentence: boolean }>();
  const alone = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(WORD)) if (m[0] === m[0].toLowerCase()) lower.add(m[0]);
    const words = [...text.matchAll(CAPITALISED)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
    let run: string[] = [];
    const closeRun = () => {
      if (run.length === 1) alone.add(run[0]!);
      if (run.length >= 2) {
        const first = run[run.length - 2]!;
        const last = run[run.length - 1]!;
        const key = `${first} ${last}`;
        const midSentence = run.length > 2 || !opensSentence(text, runStart);
        // "Later Surname …": the opener is capitalised only by position, so the surname stands alone.
        if (!midSentence) alone.add(last);
        const known = pairs.get(key);
        if (known) {
          known.count += 1;
          known.midSentence ||= midSentence;
        } else pairs.set(key, { first, last, count: 1, midSentence });
      }
      run = [];
    };
    let runStart = 0;
    words.forEach((w, i) => {
      const previous = words[i - 1];
      const joined = previous !== undefined && w.start === previous.end + 1 && /\s/.test(text.charAt(previous.end));
      if (!joined) {
        closeRun();
        runStart = w.start;
      }
      run.push(w.word);
    });
    closeRun();
  }
  return [...pairs.values()]
    .filter((p) => p.midSentence && (alone.has(p.last) || p.count >= 2) && !alone.has(p.first) && !lower.has(p.first.toLowerCase()))
    .map(({ first, last }) => ({ first, last }));
}

/**
 * The paragraphs before a page's reader comments: the first paragraph that opens with one of
 * `markers` (lower case, as the statements rules list them) and all after it are left out. Recombined
 * into other documents they would put a comments section in the middle of each, and the statements
 * stage reads nothing after one.
 */
export function beforeComments(paragraphs: string[], markers: readonly string[]): string[] {
  const at = paragraphs.findIndex((p) => {
    const lower = p.toLowerCase();
    return markers.some((m) => lower.startsWith(m));
  });
  return at < 0 ? paragraphs : paragraphs.slice(0, at);
}

/** Reads one source file into a SourceArticle; `commentMarkers(language)` says where its reader comments begin. */
export function toSourceArticle(file: string, text: string, commentMarkers: (language: string) => readonly string[] = () => []): SourceArticle {
  const language = guessLanguage(text);
  return { file, language, text, paragraphs: beforeComments(splitParagraphs(text), commentMarkers(language)) };
}
