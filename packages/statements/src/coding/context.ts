import { CODEBOOK_THEME_IDS } from "./codebook";

/** Where a statement sits in its document: enough to tell whether two neighbours belong to one run of speech. */
export interface DiscoursePosition {
  /** The statement's speaker ids, joined: a run has one speaker (or one set of co-authors). */
  speakers: string;
  paragraph: number;
  authored: boolean;
}


/**
 * Numbers the discourse runs of a document's statements, in text order: consecutive statements of
 * the same speaker form one run when they share a paragraph, or, for quotes and reports, when they
 * stand in adjacent paragraphs (consecutive dash paragraphs, a quote block after its introduction).
 * Authored text runs on for whole articles, so its runs stop at the paragraph.
 */
export function discourseRuns(positions: readonly DiscoursePosition[]): number[] {
  const runs: number[] = [];
  let run = -1;
  positions.forEach((position, index) => {
    const previous = positions[index - 1];
    const sameSpeech =
      previous !== undefined &&
      previous.speakers === position.speakers &&
      previous.authored === position.authored &&
      (position.paragraph === previous.paragraph || (!position.authored && position.paragraph - previous.paragraph === 1));
    if (!sameSpeech) run++;
    runs.push(run);
  });
  return runs;
}

/**
 * A statement with no theme of its own continues the topic of its run, taking only the themes its
 * neighbours found on their own, so a theme never travels further than one statement. A quote or
 * report takes the themes of its previous and next statement in the run. An authored sentence
 * takes only a theme both its neighbours in the paragraph share: in analysis prose a theme-less
 * sentence next to a topical one is mostly background, but one between two on the same topic
 * belongs to it. Frame and hedge stay the statement's own.
 */
export function inheritThemes<T extends { themes: string[] }>(codings: readonly T[], positions: readonly DiscoursePosition[]): T[] {
  const runs = discourseRuns(positions);
  const neighbourThemes = (index: number, neighbour: number): readonly string[] => (runs[neighbour] === runs[index] ? (codings[neighbour]?.themes ?? []) : []);
  return codings.map((coding, index) => {
    const position = positions[index];
    if (coding.themes.length > 0 || !position) return coding;
    const before = neighbourThemes(index, index - 1);
    const after = neighbourThemes(index, index + 1);
    const inherited = position.authored ? before.filter((theme) => after.includes(theme)) : [...before, ...after];
    if (inherited.length === 0) return coding;
    return { ...coding, themes: CODEBOOK_THEME_IDS.filter((theme) => inherited.includes(theme)) };
  });
}
