import { z } from "zod";
import { Lang } from "./documents";

export const StatementKind = z.enum(["quote", "reported", "authored"]);
export type StatementKind = z.infer<typeof StatementKind>;

export const FrameId = z.enum(["risk", "consequence", "assessment"]);
export type FrameId = z.infer<typeof FrameId>;

/** Theme ids are defined by the codebook data file, so they are validated against it, not enumerated here. */
export const ThemeId = z.string().regex(/^[a-z][a-z0-9-]*$/, "theme ids are kebab-case, e.g. russian-influence");

/** statements.jsonl / statements.csv: one attributed, coded statement. Field names are the CSV columns. */
export const Statement = z.object({
  statement_id: z.string(),
  doc_id: z.string(),
  speaker_id: z.string(),
  speaker_name: z.string(),
  speaker_role: z.string(),
  kind: StatementKind,
  frame: FrameId,
  themes: z.array(ThemeId),
  hedged: z.boolean(),
  confidence: z.number().min(0).max(1),
  /** What attributed the statement: a verb ("säger"), "according to", a byline, a pronoun continuation. */
  cue: z.string(),
  lang: Lang,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string().min(1),
});
export type Statement = z.infer<typeof Statement>;

/** The exact column order of statements.csv (the evaluation reads it). */
export const STATEMENT_COLUMNS = [
  "statement_id",
  "doc_id",
  "speaker_id",
  "speaker_name",
  "speaker_role",
  "kind",
  "frame",
  "themes",
  "hedged",
  "confidence",
  "cue",
  "lang",
  "start",
  "end",
  "text",
] as const satisfies readonly (keyof Statement)[];
