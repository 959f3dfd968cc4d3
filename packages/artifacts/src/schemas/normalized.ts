import { z } from "zod";
import { DocumentMeta, Lang, Problem } from "./documents";

const offset = z.number().int().nonnegative();

/** A paragraph of the normalized text; offsets are UTF-16 indices into `NormalizedDocument.text`. */
export const Paragraph = z.object({
  start: offset,
  end: offset,
  lang: Lang,
  /** title: the headline; heading: a sub-heading or fact-box title; body: running text. */
  kind: z.enum(["title", "heading", "body"]),
  /** A Swedish dash-quote paragraph ("– Det återstår att se."). */
  dashQuote: z.boolean(),
});
export type Paragraph = z.infer<typeof Paragraph>;

export const Sentence = z.object({
  start: offset,
  end: offset,
  /** Index into `paragraphs`. */
  paragraph: z.number().int().nonnegative(),
});
export type Sentence = z.infer<typeof Sentence>;

/** A person named in the document, resolved against the people registry or given a generated id. */
export const DocPerson = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  affiliation: z.string().nullable(),
  /** false for persons found in the text but not in the registry (generated id). */
  registered: z.boolean(),
});
export type DocPerson = z.infer<typeof DocPerson>;

export const Mention = z.object({
  start: offset,
  end: offset,
  personId: z.string(),
  surface: z.string(),
});
export type Mention = z.infer<typeof Mention>;

/** Text the cleaner removed, kept so a user can check that nothing of the article was lost. */
export const Removal = z.object({
  rule: z.string(),
  text: z.string(),
});
export type Removal = z.infer<typeof Removal>;

/** normalized.jsonl: a cleaned document with paragraphs, sentences and person mentions. */
export const NormalizedDocument = z.object({
  id: z.string(),
  file: z.string(),
  hash: z.string(),
  meta: DocumentMeta,
  lang: Lang,
  text: z.string(),
  paragraphs: z.array(Paragraph),
  sentences: z.array(Sentence),
  persons: z.array(DocPerson),
  mentions: z.array(Mention),
  removed: z.array(Removal),
});
export type NormalizedDocument = z.infer<typeof NormalizedDocument>;

/** normalize-report.json, one entry per document: what the normalize stage found and removed. */
export const NormalizeDocumentReport = z.object({
  id: z.string(),
  file: z.string(),
  lang: Lang,
  paragraphs: z.number().int().nonnegative(),
  headings: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
  persons: z.array(
    z.object({ id: z.string(), name: z.string(), registered: z.boolean(), mentions: z.number().int().nonnegative() }),
  ),
  removed: z.array(Removal),
});
export type NormalizeDocumentReport = z.infer<typeof NormalizeDocumentReport>;

export const NormalizeReport = z.object({
  input: z.string(),
  documentsRead: z.number().int().nonnegative(),
  documentsWritten: z.number().int().nonnegative(),
  documents: z.array(NormalizeDocumentReport),
  problems: z.array(Problem),
});
export type NormalizeReport = z.infer<typeof NormalizeReport>;
