import type { Codebook, FrameId, Lang } from "@viewpoints/artifacts";
import { compileCues, type CueMatcher, type CuePattern } from "./matcher";

export { checkCodebook, loadCodebook, CODEBOOK_THEME_IDS } from "./codebook";
export { tokenize } from "./tokenize";

/** The codes one statement gets from the codebook. */
export interface Coding {
  frame: FrameId;
  themes: string[];
  hedged: boolean;
}

export type Coder = (text: string, lang: Lang) => Coding;

type CueLang = "en" | "sv";

/** What a matched cue stands for; its index in this table is the matcher label. */
type Meaning = { kind: "theme"; index: number } | { kind: "frame" | "weakFrame"; index: number } | { kind: "hedge" };

function buildMatcher(codebook: Codebook, langs: readonly CueLang[]): { match: CueMatcher; meanings: Meaning[] } {
  const meanings: Meaning[] = [];
  const cues: CuePattern[] = [];
  const add = (meaning: Meaning, lists: Record<CueLang, string[]> | undefined) => {
    if (!lists) return;
    const label = meanings.push(meaning) - 1;
    for (const lang of langs) for (const pattern of lists[lang]) cues.push({ pattern, label });
  };
  codebook.themes.forEach((theme, index) => add({ kind: "theme", index }, theme.cues));
  codebook.frames.forEach((frame, index) => {
    add({ kind: "frame", index }, frame.cues);
    add({ kind: "weakFrame", index }, frame.weakCues);
  });
  add({ kind: "hedge" }, codebook.hedges);
  return { match: compileCues(cues), meanings };
}

/**
 * Builds a coder from the codebook. Each statement is scanned once; the frame is the first frame
 * (in codebook order: risk, consequence, assessment) with a cue in the text, else the first with a
 * weak cue, else the last frame. Themes come out in codebook order. Text of unknown language is
 * matched against the cues of both languages.
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
    const themeHits: boolean[] = [];
    let strong = Infinity;
    let weak = Infinity;
    let hedged = false;
    for (const label of match(text)) {
      const meaning = meanings[label];
      if (!meaning) continue;
      if (meaning.kind === "theme") themeHits[meaning.index] = true;
      else if (meaning.kind === "frame") strong = Math.min(strong, meaning.index);
      else if (meaning.kind === "weakFrame") weak = Math.min(weak, meaning.index);
      else hedged = true;
    }
    const chosen = strong !== Infinity ? strong : weak;
    return {
      frame: frameIds[chosen] ?? fallback,
      themes: codebook.themes.filter((_, index) => themeHits[index]).map((t) => t.id),
      hedged,
    };
  };
}
