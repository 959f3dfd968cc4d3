import { lookupForms, tokenize } from "./tokenize";

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
}

interface State {
  node: PhraseNode;
  skipped: number;
  inGap: boolean;
  /** Token position of the phrase's first word. */
  start: number;
}

const newPhraseNode = (viaGap: boolean): PhraseNode => ({ children: new Map(), gap: undefined, labels: [], viaGap });

/** Splits a cue into steps: exact words, `prefix*` words and `...` gaps. Throws on a malformed cue. */
export function parseCue(pattern: string): { kind: "word" | "prefix" | "gap"; text: string }[] {
  const steps: { kind: "word" | "prefix" | "gap"; text: string }[] = [];
  for (const piece of pattern.trim().split(/\s+/)) {
    if (piece === "..." || piece === "…") {
      steps.push({ kind: "gap", text: "..." });
      continue;
    }
    const wildcard = piece.endsWith("*");
    const words = tokenize(wildcard ? piece.slice(0, -1) : piece);
    // A clitic cue ("'ll") keeps its apostrophe: the scanner looks clitics up under that form.
    const clitic = piece.startsWith("'") || piece.startsWith("\u2019");
    if (clitic && words[0] !== undefined) words[0] = `'${words[0]}`;
    if (words.length === 0) throw new Error(`"${pattern}" has a part with no letters: "${piece}"`);
    if (piece.slice(0, -1).includes("*")) throw new Error(`"${pattern}": "*" is allowed only at the end of a word`);
    words.forEach((text, index) => {
      steps.push({ kind: wildcard && index === words.length - 1 ? "prefix" : "word", text });
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
  const prefixRoot: CharNode = { next: new Map(), prefixIds: [] };
  const prefixIds = new Map<string, number>();
  let nextId = 0;
  const stepId = (kind: "word" | "prefix", text: string): number => {
    const table = kind === "word" ? wordIds : prefixIds;
    const known = table.get(text);
    if (known !== undefined) return known;
    const id = nextId++;
    table.set(text, id);
    if (kind === "prefix") {
      let node = prefixRoot;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        let child = node.next.get(c);
        if (!child) {
          child = { next: new Map(), prefixIds: [] };
          node.next.set(c, child);
        }
        node = child;
      }
      node.prefixIds.push(id);
    }
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
      const id = stepId(step.kind, step.text);
      let child = node.children.get(id);
      if (!child) {
        child = newPhraseNode(node.viaGap);
        node.children.set(id, child);
      }
      node = child;
    }
    if (!node.labels.includes(label)) node.labels.push(label);
  }

  const stepsOf = (token: string): number[] => {
    const ids: number[] = [];
    for (const form of lookupForms(token)) {
      const exact = wordIds.get(form);
      if (exact !== undefined && !ids.includes(exact)) ids.push(exact);
      let node: CharNode | undefined = prefixRoot;
      for (let i = 0; i < form.length && node; i++) {
        node = node.next.get(form.charCodeAt(i));
        if (node) for (const id of node.prefixIds) if (!ids.includes(id)) ids.push(id);
      }
    }
    return ids;
  };

  return (text) => {
    const hits: CueHit[] = [];
    let states: State[] = [];
    const tokens = tokenize(text);
    const rootState: State = { node: root, skipped: 0, inGap: false, start: 0 };
    for (let position = 0; position < tokens.length; position++) {
      const ids = stepsOf(tokens[position] as string);
      const next: State[] = [];
      rootState.start = position;
      // Every token may also start a new phrase, hence the root state first.
      for (let s = -1; s < states.length; s++) {
        const state = s < 0 ? rootState : (states[s] as State);
        for (const id of ids) {
          const child = state.node.children.get(id);
          if (!child) continue;
          for (const label of child.labels) hits.push({ label, start: state.start, end: position, gapped: child.viaGap });
          if (child.children.size) next.push({ node: child, skipped: 0, inGap: false, start: state.start });
          if (child.gap) next.push({ node: child.gap, skipped: 0, inGap: true, start: state.start });
        }
        if (state.inGap && state.skipped < MAX_GAP) next.push({ ...state, skipped: state.skipped + 1 });
      }
      states = next;
    }
    return { hits, words: tokens.length };
  };
}
