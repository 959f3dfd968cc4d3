import { ArtifactError, FrameId, Lang, StatementKind, ThemeId } from "@viewpoints/artifacts";
import { parseCsv } from "@viewpoints/artifacts/csv";
import { z } from "zod";

const semicolonList = z
  .string()
  .optional()
  .transform((value) => (value ?? "").split(";").map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(ThemeId));

const booleanCell = z.enum(["true", "false"], "use true or false").transform((v) => v === "true");

/** One row of a gold CSV: a statement a human coder identified, located by a verbatim anchor. */
export const GoldRow = z.object({
  doc_id: z.string().min(1, "name the document (its file stem, e.g. 000_ad24d6e31d34d10a)"),
  anchor: z.string().min(8, "use a distinctive substring of the statement (at least 8 characters)"),
  speaker: z.string().min(1, "give the speaker's full name"),
  kind: StatementKind,
  frame: FrameId,
  themes: semicolonList,
  hedged: booleanCell,
});
export type GoldRow = z.infer<typeof GoldRow>;

/** The columns of statements.csv the evaluation reads; cells are strings, so lists and flags are decoded here. */
export const PredictedRow = z.object({
  statement_id: z.string(),
  doc_id: z.string(),
  speaker_id: z.string().default(""),
  speaker_name: z.string().default(""),
  kind: StatementKind,
  frame: FrameId,
  themes: semicolonList,
  hedged: booleanCell,
  lang: Lang.default("unknown"),
  text: z.string().min(1),
});
export type PredictedRow = z.infer<typeof PredictedRow>;

/** Parses CSV rows, failing with every bad line (file:line: field: problem) listed. */
export function parseRows<T extends z.ZodType>(text: string, schema: T, file: string): z.infer<T>[] {
  const { rows, problems } = parseCsv(text, schema, file);
  if (problems.length) {
    const shown = problems.slice(0, 10).map((p) => (p.message.startsWith(file) ? p.message : `${file}:${p.line}: ${p.message}`));
    const more = problems.length > 10 ? [`… and ${problems.length - 10} more bad rows`] : [];
    throw new ArtifactError([...shown, ...more].join("\n"), { file, line: problems[0]?.line ?? 1 });
  }
  return rows;
}
