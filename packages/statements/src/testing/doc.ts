import type { DocPerson, Lang, Mention, NormalizedDocument, Paragraph, Sentence } from "@viewpoints/artifacts";

export interface ParagraphSpec {
  text: string;
  kind?: Paragraph["kind"];
  lang?: Lang;
}

export interface PersonSpec {
  id: string;
  name: string;
  role?: string;
  /** Other surfaces to mark as mentions; the surname is always one. */
  aliases?: string[];
}

/**
 * Builds a NormalizedDocument from paragraphs for tests: sentences split at . ! ? before a capital,
 * dash or quote; mentions wherever a person's name, surname or alias appears as a whole word.
 */
export function buildDoc(
  paragraphs: readonly (string | ParagraphSpec)[],
  persons: readonly PersonSpec[],
  options: { id?: string; lang?: Lang; authors?: string[] } = {},
): NormalizedDocument {
  const lang = options.lang ?? "sv";
  const specs = paragraphs.map((p) => (typeof p === "string" ? { text: p } : p));
  const text = specs.map((p) => p.text).join("\n\n");
  const outParagraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  specs.forEach((p, index) => {
    const start = offset;
    const end = start + p.text.length;
    outParagraphs.push({ start, end, lang: p.lang ?? lang, kind: p.kind ?? "body", dashQuote: /^[–—]\s/.test(p.text) });
    const splitter = /[.!?…]["”’]?(?=\s+[–—“”"A-ZÅÄÖ])/g;
    let from = 0;
    for (const m of p.text.matchAll(splitter)) {
      const to = (m.index ?? 0) + m[0].length;
      sentences.push({ start: start + from, end: start + to, paragraph: index });
      from = to;
      while (/\s/.test(p.text[from] ?? "")) from += 1;
    }
    if (from < p.text.length) sentences.push({ start: start + from, end, paragraph: index });
    offset = end + 2;
  });

  const mentions: Mention[] = [];
  const taken = (s: number, e: number) => mentions.some((m) => s < m.end && e > m.start);
  for (const person of persons) {
    const surname = person.name.split(" ").at(-1)!;
    for (const surface of [person.name, ...(person.aliases ?? []), surname]) {
      const re = new RegExp(`(?<![\\p{L}])${surface.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu");
      for (const m of text.matchAll(re)) {
        const s = m.index ?? 0;
        const e = s + surface.length;
        if (!taken(s, e)) mentions.push({ start: s, end: e, personId: person.id, surface });
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);

  const docPersons: DocPerson[] = persons.map((p) => ({ id: p.id, name: p.name, role: p.role ?? null, affiliation: null, registered: p.role !== undefined }));
  return {
    id: options.id ?? "doc",
    file: `${options.id ?? "doc"}.txt`,
    hash: "0".repeat(64),
    meta: { outlet: null, title: null, published: null, url: null, language: null, authors: options.authors ?? [] },
    lang,
    text,
    paragraphs: outParagraphs,
    sentences,
    persons: docPersons,
    mentions,
    removed: [],
  };
}
