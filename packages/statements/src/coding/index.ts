import type { Codebook, FrameId, Lang } from "@viewpoints/artifacts";

/** The codes one statement gets from the codebook. */
export interface Coding {
  frame: FrameId;
  themes: string[];
  hedged: boolean;
}

export type Coder = (text: string, lang: Lang) => Coding;

/**
 * Builds a coder from the codebook. Stub: the real matcher (one pass per text, Swedish and English
 * word forms) replaces this.
 */
export function createCoder(_codebook: Codebook): Coder {
  return () => ({ frame: "assessment", themes: [], hedged: false });
}
