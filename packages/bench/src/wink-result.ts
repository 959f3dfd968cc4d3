import { z } from "zod";

/** What the wink-nlp reference child reports back to the bench. */
export const WinkResult = z.object({
  documents: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
  tokens: z.number().int().nonnegative(),
  /** Loading the library and model, kept apart from the processing time. */
  loadSeconds: z.number().nonnegative(),
  /** readDoc plus walking sentences and tokens, summed over documents. */
  seconds: z.number().nonnegative(),
});
export type WinkResult = z.infer<typeof WinkResult>;
