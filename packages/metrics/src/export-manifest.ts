import { z } from "zod";

/** export-manifest.json, written beside the CSV files: which run and codebook they come from. */
export const ExportManifest = z.object({
  run_id: z.string(),
  codebook_version: z.string(),
  run_created_at: z.string(),
  lang: z.enum(["en", "sv"]),
  bom: z.boolean(),
  tables: z.array(z.object({ name: z.string(), file: z.string(), columns: z.array(z.string()) })),
});
export type ExportManifest = z.infer<typeof ExportManifest>;
