import type { Codebook, FrameId, Lang } from "@viewpoints/artifacts";
import { compileCues, type CueHit, type CueMatcher, type CuePattern } from "./matcher";

export { checkCodebook, loadCodebook, CODEBOOK_THEME_IDS } from "./codebook";
export { tokenize } from "./tokenize";
export { discourseRuns, inheritThemes, type DiscoursePosition } from "./context";

/** The codes one statement gets from the codebook. */
export interface Coding {
  frame: FrameId;
  themes: string[];
  hedged: boolean;
}

/** Codes one statement on its own; `inheritThemes` then lets a statement without a theme continue its run's. */
export type Coder = (text: string, lang: Lang) => Coding;

type CueLang = "en" | "sv";

/** What a matched cue stands for; its index in this table is the matcher label. */
type Meaning =
  | { kind: "theme"; index: number; weight: number; anchor: boolean }
  | { kind: "frame" | "outcome"; index: number; negatable: boolean }
  | { kind: "weakFrame"; index: number }
  | { kind: "hedge" | "negator" | "nonHedge" | "comparison" };

/** A theme needs this score: one strong cue, or two weak ones. */
const THEME_THRESHOLD = 2;
const STRONG_WEIGHT = 2;
const WEAK_WEIGHT = 1;
/** How many words after a comparison marker still belong to the thing compared with. */
const COMPARISON_REACH = 4;

function buildMatcher(codebook: Codebook, langs: readonly CueLang[]): { match: CueMatcher; meanings: Meaning[] } {
  const meanings: Meaning[] = [];
  const cues: CuePattern[] = [];
  const add = (meaning: Meaning, lists: Record<CueLang, string[]> | undefined) => {
    if (!lists) return;
    const label = meanings.push(meaning) - 1;
    for (const lang of langs) for (const pattern of lists[lang]) cues.push({ pattern, label });
  };
  codebook.themes.forEach((theme, index) => {
    add({ kind: "theme", index, weight: STRONG_WEIGHT, anchor: false }, theme.cues);
    add({ kind: "theme", index, weight: WEAK_WEIGHT, anchor: true }, theme.anchors);
    // Each weak cue gets its own label, so a repeated generic word counts once.
    const weakLabels = new Map<string, number>();
    for (const lang of langs) {
      for (const pattern of theme.weakCues?.[lang] ?? []) {
        let label = weakLabels.get(pattern);
        if (label === undefined) {
          label = meanings.push({ kind: "theme", index, weight: WEAK_WEIGHT, anchor: false }) - 1;
          weakLabels.set(pattern, label);
        }
        cues.push({ pattern, label });
      }
    }
  });
  codebook.frames.forEach((frame, index) => {
    add({ kind: "frame", index, negatable: index < codebook.frames.length - 1 }, frame.cues);
    add({ kind: "frame", index, negatable: false }, frame.auxiliaries);
    add({ kind: "outcome", index, negatable: index < codebook.frames.length - 1 }, frame.outcomes);
    add({ kind: "weakFrame", index }, frame.weakCues);
  });
  add({ kind: "hedge" }, codebook.hedges);
  add({ kind: "negator" }, codebook.negators);
  add({ kind: "nonHedge" }, codebook.nonHedges);
  add({ kind: "comparison" }, codebook.comparisons);
  return { match: compileCues(cues), meanings };
}

/**
 * A negator right before a cue, in its `...` gap, or right after a one-word cue ("underminerar inte",
 * "will not") negates it; a cue that spells out its own negation ("kan inte uteslutas") is not negated.
 */
function isNegated(hit: CueHit, negators: readonly number[]): boolean {
  for (const p of negators) {
    if (p === hit.start - 1) return true;
    if (hit.gapped ? p > hit.start && p < hit.end : hit.start === hit.end && p === hit.start + 1) return true;
  }
  return false;
}

function isInside(hit: CueHit, spans: readonly CueHit[]): boolean {
  for (const span of spans) if (span.start <= hit.start && hit.end <= span.end) return true;
  return false;
}

function followsComparison(hit: CueHit, comparisonEnds: readonly number[]): boolean {
  for (const end of comparisonEnds) if (end < hit.start && hit.start - end <= COMPARISON_REACH) return true;
  return false;
}

/**
 * Builds a coder from the codebook. Each statement is scanned once, then the hits are weighed:
 * the frame is the first frame (in codebook order: risk, consequence, assessment) with an auxiliary
 * or a cue that no negator cancels (an outcome word counts as such a cue when a theme anchor names
 * an actor), else the first with a weak cue outside a non-hedge phrase, else the last frame. A theme
 * needs one strong cue or two weak ones (its anchors count as one), not counting cues right after a
 * comparison marker; themes come out in codebook order. Hedge cues inside a non-hedge phrase ("kan
 * användas", "cannot") do not count. Text of unknown language is matched against the cues of both
 * languages.
 */
export function createCoder(codebook: Codebook): Coder {
  const matchers = {
    en: buildMatcher(codebook, ["en"]),
    sv: buildMatcher(codebook, ["sv"]),
    unknown: buildMatcher(codebook, ["en", "sv"]),
  } satisfies Record<Lang, unknown>;
  const frameIds = codebook.frames.map((f) => f.id);
  const fallback = frameIds[frameIds.length - 1] ?? "assessment";

  return (text, lang) => {
    const { match, meanings } = matchers[lang];
    const { hits } = match(text);
    const negators: number[] = [];
    const nonHedges: CueHit[] = [];
    const comparisonEnds: number[] = [];
    for (const hit of hits) {
      const kind = meanings[hit.label]?.kind;
      if (kind === "negator") negators.push(hit.start);
      else if (kind === "nonHedge") nonHedges.push(hit);
      else if (kind === "comparison") comparisonEnds.push(hit.end);
    }
    const themeScores: number[] = [];
    const counted = new Set<number>();
    // The weight already counted per theme and token, so two patterns matching one word count once (the stronger).
    const countedAt = new Map<number, number>();
    const themeCount = codebook.themes.length;
    let strong = Infinity;
    let weak = Infinity;
    let outcome = Infinity;
    let actor = false;
    let hedged = false;
    for (const hit of hits) {
      const meaning = meanings[hit.label];
      if (!meaning) continue;
      if (meaning.kind === "theme") {
        if (meaning.anchor) actor = true;
        const at = hit.start * themeCount + meaning.index;
        const before = countedAt.get(at) ?? 0;
        if (counted.has(hit.label) || meaning.weight <= before || followsComparison(hit, comparisonEnds)) continue;
        counted.add(hit.label);
        countedAt.set(at, meaning.weight);
        themeScores[meaning.index] = (themeScores[meaning.index] ?? 0) + meaning.weight - before;
      } else if (meaning.kind === "frame") {
        // A negated risk or consequence is a denial, not a projection; the default frame is never negated.
        if (!meaning.negatable || !isNegated(hit, negators)) strong = Math.min(strong, meaning.index);
      } else if (meaning.kind === "outcome") {
        if (!meaning.negatable || !isNegated(hit, negators)) outcome = Math.min(outcome, meaning.index);
      } else if (meaning.kind === "weakFrame") {
        if (!isInside(hit, nonHedges)) weak = Math.min(weak, meaning.index);
      } else if (meaning.kind === "hedge") {
        if (!isInside(hit, nonHedges)) hedged = true;
      }
    }
    // An outcome word is a cue only when the statement names who gained or lost.
    if (actor) strong = Math.min(strong, outcome);
    const chosen = strong !== Infinity ? strong : weak;
    return {
      frame: frameIds[chosen] ?? fallback,
      themes: codebook.themes.filter((_, index) => (themeScores[index] ?? 0) >= THEME_THRESHOLD).map((t) => t.id),
      hedged,
    };
  };
}
