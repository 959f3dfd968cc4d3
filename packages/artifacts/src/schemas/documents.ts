import { z } from "zod";

/** Languages the pipeline knows; anything it cannot tell apart is "unknown", never a guess. */
export const Lang = z.enum(["sv", "en", "unknown"]);
export type Lang = z.infer<typeof Lang>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use the form YYYY-MM-DD, e.g. 2022-01-15");

/** One row of an input directory's optional `sources.csv`. Empty cells mean "unknown". */
export const SourceRow = z.object({
  file: z.string().min(1, "name the article file this row describes"),
  outlet: z.string().optional(),
  title: z.string().optional(),
  published: isoDate.optional(),
  url: z.url("must be an absolute URL such as https://example.com/article").optional(),
  language: z.enum(["sv", "en"], "use sv or en, or leave the cell empty").optional(),
  /** Authors separated by ";", e.g. "Jakob Hedenskog; Hugo von Essen". */
  authors: z.string().optional(),
});
export type SourceRow = z.infer<typeof SourceRow>;

export const DocumentMeta = z.object({
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  published: isoDate.nullable(),
  url: z.string().nullable(),
  /** Language declared by the manifest or front matter; the detected one is on the normalized document. */
  language: z.enum(["sv", "en"]).nullable(),
  authors: z.array(z.string()),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** documents.jsonl: one ingested article, decoded to text but otherwise untouched. */
export const Document = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "ids are lower-case file-name stems"),
  file: z.string(),
  format: z.enum(["txt", "md", "html"]),
  /** sha256 of the decoded text, hex. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.enum(["utf-8", "windows-1252"]),
  bytes: z.number().int().nonnegative(),
  meta: DocumentMeta,
  text: z.string().min(1),
});
export type Document = z.infer<typeof Document>;

/** A problem with one input, reported and skipped (or fatal with --strict). */
export const Problem = z.object({
  file: z.string(),
  line: z.number().int().positive().nullable(),
  message: z.string(),
  severity: z.enum(["error", "warning"]),
});
export type Problem = z.infer<typeof Problem>;

export const IngestReport = z.object({
  input: z.string(),
  filesRead: z.number().int().nonnegative(),
  documentsWritten: z.number().int().nonnegative(),
  duplicates: z.array(z.object({ file: z.string(), duplicateOf: z.string() })),
  problems: z.array(Problem),
});
export type IngestReport = z.infer<typeof IngestReport>;
