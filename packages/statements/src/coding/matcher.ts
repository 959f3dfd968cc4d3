import { lookupForms, tokenize, wordEnd, wordStart } from "./tokenize";
import { WordTable } from "./word-table";

/** A cue pattern and the label (a small integer chosen by the caller) it reports when it matches. */
export interface CuePattern {
  pattern: string;
  label: number;
}

/** One cue occurrence: its label and the token positions of its first and last word. */
export interface CueHit {
  label: number;
  start: number;
  end: number;
  /** The cue has a `...` gap, so words between start and end may be skipped words. */
  gapped: boolean;
}

/** Finds the cues that occur in a text, in order of their last word, and counts its words: one tokenizer pass, then token-map and phrase-trie lookups. */
export type CueMatcher = (text: string) => { hits: CueHit[]; words: number };

/** How many words `...` may skip inside a phrase. */
export const MAX_GAP = 6;

/** The shortest modifier a `-head` cue accepts in front of it ("säkerhets|garant"), so short prefixes cannot fake a compound. */
export const MIN_MODIFIER = 3;

interface PhraseNode {
  children: Map<number, PhraseNode>;
  /** Reached through a `...` step: from here, words may be skipped before a child step matches. */
  gap: PhraseNode | undefined;
  labels: number[];
  /** Some `...` step lies on the path to this node. */
  viaGap: boolean;
}

interface CharNode {
  next: Map<number, CharNode>;
  /** Word-step ids of `prefix*` patterns ending at this node. */
  prefixIds: number[];
  /** Word-step ids of `-head` patterns (no wildcard) ending at this node: they match only at the end of the token. */
  exactIds: number[];
}

type StepKind = "word" | "prefix" | "gap";

/** One step of a cue; `head` marks a `-word` that may also end a compound ("-garant*" matches "säkerhetsgaranten"). */
export interface CueStep {
  kind: StepKind;
  text: string;
  head: boolean;
}

interface State {
  node: PhraseNode;
  skipped: number;
  inGap: boolean;
  /** Token position of the phrase's first word. */
  start: number;
}

/** A word's step ids, and the phrase-trie nodes its ids reach from the root (the phrases it may start). */
interface WordSteps {
  ids: number[];
  starts: PhraseNode[];
}

const NO_STEPS: WordSteps = { ids: [], starts: [] };

const newPhraseNode = (viaGap: boolean): PhraseNode => ({ children: new Map(), gap: undefined, labels: [], viaGap });

/**
 * Splits a cue into steps: exact words, `prefix*` words and `...` gaps; a leading `-` lets a word
 * also be the head of a compound (`-skuld*`: skulden, tacksamhetsskulden). Throws on a malformed cue.
 */
export function parseCue(pattern: string): CueStep[] {
  const steps: CueStep[] = [];
  for (const raw of pattern.trim().split(/\s+/)) {
    if (raw === "..." || raw === "…") {
      steps.push({ kind: "gap", text: "...", head: false });
      continue;
    }
    const head = raw.length > 1 && raw.startsWith("-");
    const piece = head ? raw.slice(1) : raw;
    const wildcard = piece.endsWith("*");
    const words = tokenize(wildcard ? piece.slice(0, -1) : piece);
    // A clitic cue ("'ll") keeps its apostrophe: the scanner looks clitics up under that form.
    const clitic = piece.startsWith("'") || piece.startsWith("\u2019");
    if (clitic && words[0] !== undefined) words[0] = `'${words[0]}`;
    if (words.length === 0) throw new Error(`"${pattern}" has a part with no letters: "${piece}"`);
    if (head && words.length !== 1) throw new Error(`"${pattern}": a compound head "${raw}" must be one word`);
    if (piece.slice(0, -1).includes("*")) throw new Error(`"${pattern}": "*" is allowed only at the end of a word`);
    words.forEach((text, index) => {
      steps.push({ kind: wildcard && index === words.length - 1 ? "prefix" : "word", text, head });
    });
  }
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (!first || !last) throw new Error("a cue must not be empty");
  if (first.kind === "gap" || last.kind === "gap") throw new Error(`"${pattern}": "..." must stand between two words`);
  return steps;
}

/**
 * Compiles cue patterns into one matcher: word steps go into a hash map, `prefix*` steps into a
 * character trie, phrases into a trie over step ids, so a text is scanned once whatever the number
 * of cues. Throws (naming the cue) on a malformed pattern.
 */
export function compileCues(cues: readonly CuePattern[]): CueMatcher {
  const wordIds = new Map<string, number>();
  const newCharNode = (): CharNode => ({ next: new Map(), prefixIds: [], exactIds: [] });
  const prefixRoot = newCharNode();
  // Compound heads are matched from inside a token, so they get a trie of their own.
  const headRoot = newCharNode();
  const charIds = new Map<string, number>();
  let nextId = 0;
  let minHeadLength = Infinity;
  const insert = (trie: CharNode, text: string): CharNode => {
    let node = trie;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = newCharNode();
        node.next.set(c, child);
      }
      node = child;
    }
    return node;
  };
  const stepId = (step: CueStep): number => {
    if (!step.head && step.kind === "word") {
      const known = wordIds.get(step.text);
      if (known !== undefined) return known;
      wordIds.set(step.text, nextId);
      return nextId++;
    }
    const key = `${step.head ? "-" : ""}${step.text}${step.kind === "prefix" ? "*" : ""}`;
    const known = charIds.get(key);
    if (known !== undefined) return known;
    const id = nextId++;
    charIds.set(key, id);
    if (step.head) minHeadLength = Math.min(minHeadLength, step.text.length);
    const node = insert(step.head ? headRoot : prefixRoot, step.text);
    (step.kind === "prefix" ? node.prefixIds : node.exactIds).push(id);
    return id;
  };

  const root = newPhraseNode(false);
  for (const { pattern, label } of cues) {
    let node = root;
    for (const step of parseCue(pattern)) {
      if (step.kind === "gap") {
        node.gap ??= newPhraseNode(true);
        node = node.gap;
        continue;
      }
      const id = stepId(step);
      let child = node.children.get(id);
      if (!child) {
        child = newPhraseNode(node.viaGap);
        node.children.set(id, child);
      }
      node = child;
    }
    if (!node.labels.includes(label)) node.labels.push(label);
  }

  const walk = (trie: CharNode, token: string, from: number, ids: number[]) => {
    let node: CharNode | undefined = trie;
    for (let i = from; i < token.length && node; i++) {
      node = node.next.get(token.charCodeAt(i));
      if (!node) return;
      for (const id of node.prefixIds) if (!ids.includes(id)) ids.push(id);
    }
    if (node) for (const id of node.exactIds) if (!ids.includes(id)) ids.push(id);
  };
  // Only tokens long enough for a modifier plus the shortest head are scanned inside.
  const innerScanLength = MIN_MODIFIER + minHeadLength;

  const stepIds = (token: string): number[] => {
    const ids: number[] = [];
    for (const form of lookupForms(token)) {
      const exact = wordIds.get(form);
      if (exact !== undefined && !ids.includes(exact)) ids.push(exact);
      walk(prefixRoot, form, 0, ids);
    }
    if (minHeadLength !== Infinity) {
      // A head may stand alone or end a compound after a modifier of MIN_MODIFIER letters or more.
      walk(headRoot, token, 0, ids);
      if (token.length >= innerScanLength) {
        const last = token.length - minHeadLength;
        for (let from = MIN_MODIFIER; from <= last; from++) if (headRoot.next.has(token.charCodeAt(from))) walk(headRoot, token, from, ids);
      }
    }
    return ids;
  };
  // The same words recur in every statement: look each one up once, with the phrases it may start.
  const words = new WordTable((token: string): WordSteps => {
    const ids = stepIds(token);
    // Most words are in no cue: one shared answer stays in cache where a fresh one per word would not.
    if (ids.length === 0) return NO_STEPS;
    const starts: PhraseNode[] = [];
    for (const id of ids) {
      const child = root.children.get(id);
      if (child) starts.push(child);
    }
    return { ids, starts };
  });

  return (text) => {
    const hits: CueHit[] = [];
    let states: State[] = [];
    let position = 0;
    // The words are looked up straight from the text, as `tokenize` would split and lower-case them.
    for (let start = wordStart(text, 0); start < text.length; position++) {
      const end = wordEnd(text, start);
      const { ids, starts } = words.get(text, start, end);
      start = wordStart(text, end);
      // Most words neither start a phrase nor continue one: skip building the next state list.
      if (starts.length === 0 && states.length === 0) continue;
      const next: State[] = [];
      // Every token may also start a new phrase, hence the phrases it starts first.
      for (const child of starts) step(child, position, position, hits, next);
      for (const state of states) {
        for (const id of ids) {
          const child = state.node.children.get(id);
          if (child) step(child, state.start, position, hits, next);
        }
        if (state.inGap && state.skipped < MAX_GAP) next.push({ node: state.node, skipped: state.skipped + 1, inGap: true, start: state.start });
      }
      states = next;
    }
    return { hits, words: position };
  };
}

/** A phrase reached `child` at token `position`: report its labels and keep following it. */
function step(child: PhraseNode, start: number, position: number, hits: CueHit[], next: State[]): void {
  for (const label of child.labels) hits.push({ label, start, end: position, gapped: child.viaGap });
  if (child.children.size) next.push({ node: child, skipped: 0, inGap: false, start });
  if (child.gap) next.push({ node: child.gap, skipped: 0, inGap: true, start });
}
