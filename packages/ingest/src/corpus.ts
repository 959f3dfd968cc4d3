import type { Document } from "@viewpoints/artifacts";

export type Admission = { kind: "new"; document: Document } | { kind: "duplicate"; duplicateOf: string };

/**
 * Tracks what the run has kept: exact duplicates (same text hash) are kept once, and ids are made unique
 * with a numeric suffix. Files arrive in sorted order, so the suffixes are deterministic.
 * Holds only hashes and ids, never texts.
 */
export class Corpus {
  private readonly ids = new Set<string>();
  private readonly byHash = new Map<string, string>();

  admit(document: Document): Admission {
    const first = this.byHash.get(document.hash);
    if (first !== undefined) return { kind: "duplicate", duplicateOf: first };
    this.byHash.set(document.hash, document.file);
    let id = document.id;
    for (let n = 2; this.ids.has(id); n += 1) id = `${document.id}-${n}`;
    this.ids.add(id);
    return { kind: "new", document: id === document.id ? document : { ...document, id } };
  }
}
