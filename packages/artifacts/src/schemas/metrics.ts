import { z } from "zod";
import { FrameId, ThemeId } from "./statements";

/** Figures resting on fewer statements than this are flagged `low_n`. */
export const LOW_N_THRESHOLD = 5;

const share = z.number().min(0).max(1);
const count = z.number().int().nonnegative();
/** Every figure keeps the ids of the statements behind it, so the dashboard can show them. */
const statementIds = z.array(z.string());

export const SpeakerRow = z.object({
  speaker_id: z.string(),
  speaker_name: z.string(),
  speaker_role: z.string(),
  /** In data/analysts.json: one of the analysts compared side by side. */
  compared: z.boolean(),
  statements: count,
  documents: count,
  words_quoted: count,
  share_risk: share,
  share_consequence: share,
  share_assessment: share,
  share_hedged: share,
  languages: z.array(z.string()),
  sources: z.array(z.string()),
  low_n: z.boolean(),
  statement_ids: statementIds,
});
export type SpeakerRow = z.infer<typeof SpeakerRow>;

export const SpeakerThemeRow = z.object({
  speaker_id: z.string(),
  theme_id: ThemeId,
  count,
  /** count / the speaker's statements. */
  share,
  low_n: z.boolean(),
  statement_ids: statementIds,
});
export type SpeakerThemeRow = z.infer<typeof SpeakerThemeRow>;

export const SpeakerFrameRow = z.object({
  speaker_id: z.string(),
  frame: FrameId,
  count,
  share,
  low_n: z.boolean(),
  statement_ids: statementIds,
});
export type SpeakerFrameRow = z.infer<typeof SpeakerFrameRow>;

/**
 * One pair of speakers. Pairs are kept among the compared analysts and the most frequent other speakers
 * (SIMILARITY_TOP_SPEAKERS by statements), so the table stays small whatever the number of speakers.
 */
export const SimilarityRow = z.object({
  speaker_a: z.string(),
  speaker_b: z.string(),
  /** Cosine similarity of the two theme-count vectors; null when either speaker has no themed statement. */
  cosine: z.number().min(0).max(1).nullable(),
  themes_both: z.array(ThemeId),
  themes_a_only: z.array(ThemeId),
  themes_b_only: z.array(ThemeId),
  themes_neither: z.array(ThemeId),
  low_n: z.boolean(),
});
export type SimilarityRow = z.infer<typeof SimilarityRow>;

/** For each theme, how much the compared analysts agree on addressing it. */
export const ThemeAgreementRow = z.object({
  theme_id: ThemeId,
  analysts_addressing: count,
  analysts_total: count,
  /** Spread of the analysts' theme shares (standard deviation); low spread = agreement. */
  share_spread: z.number().nonnegative(),
  /** "agree" (most address it, similar weight), "differ" or "neutral". */
  verdict: z.enum(["agree", "differ", "neutral"]),
  statement_ids: statementIds,
});
export type ThemeAgreementRow = z.infer<typeof ThemeAgreementRow>;

export const SourceRowMetrics = z.object({
  doc_id: z.string(),
  file: z.string(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  lang: z.string(),
  statements: count,
  speakers: count,
  speaker_ids: z.array(z.string()),
});
export type SourceRowMetrics = z.infer<typeof SourceRowMetrics>;

export const LanguageRow = z.object({
  lang: z.string(),
  documents: count,
  statements: count,
  speakers: count,
});
export type LanguageRow = z.infer<typeof LanguageRow>;

/** run-manifest.json: what a run read and with which codebook, so two exports can be compared. */
export const RunManifest = z.object({
  run_id: z.string(),
  created_at: z.string(),
  package_version: z.string(),
  /** sha256 (first 12 hex digits) of data/codebook.json as read. */
  codebook_version: z.string(),
  inputs: z.array(z.object({ file: z.string(), hash: z.string() })),
});
export type RunManifest = z.infer<typeof RunManifest>;

/** Speakers besides the compared analysts whose pairs the similarity table keeps: the most frequent ones. */
export const SIMILARITY_TOP_SPEAKERS = 50;

/** A theme or frame id with its labels from the codebook, so readers of metrics.json need not load the codebook. */
export const MetricsLabel = z.object({ id: z.string(), en: z.string(), sv: z.string() });
export type MetricsLabel = z.infer<typeof MetricsLabel>;

/** metrics/metrics.json: every table the dashboard and the CSV export show. */
export const Metrics = z.object({
  run_id: z.string(),
  codebook_version: z.string(),
  low_n_threshold: z.number().int().positive(),
  compared: z.array(z.string()),
  speakers: z.array(SpeakerRow),
  speaker_theme: z.array(SpeakerThemeRow),
  speaker_frame: z.array(SpeakerFrameRow),
  similarity: z.array(SimilarityRow),
  theme_agreement: z.array(ThemeAgreementRow),
  sources: z.array(SourceRowMetrics),
  languages: z.array(LanguageRow),
  /** Codebook themes in codebook order, with labels (absent in files written before labels were added). */
  theme_labels: z.array(MetricsLabel).optional(),
  frame_labels: z.array(MetricsLabel).optional(),
});
export type Metrics = z.infer<typeof Metrics>;
