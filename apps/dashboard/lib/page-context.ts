import { cookies } from "next/headers";
import { connection } from "next/server";
import type { SpeakerRow } from "@viewpoints/artifacts";
import { loadDashboard, type Dashboard, type DataProblem } from "./data";
import { LANG_COOKIE, labelsFor, toUiLang, type Labels, type UiLang } from "./labels";
import { assignColors, seriesColor } from "./palette";

export async function uiLang(): Promise<UiLang> {
  return toUiLang((await cookies()).get(LANG_COOKIE)?.value);
}

export interface PageContext {
  data: Dashboard;
  labels: Labels;
  speakers: SpeakerDirectory;
  /** A source's title, else its file name, for links to the document view. */
  sourceTitle(docId: string): string;
}

export interface SpeakerDirectory {
  /** Compared analysts in data/analysts.json order. */
  compared: SpeakerRow[];
  /** Every speaker: compared first, then the others by statement count. */
  all: SpeakerRow[];
  get(id: string): SpeakerRow | undefined;
  color(id: string): string;
  /** Distinct colours for the speakers shown together in one view (compared analysts keep theirs). */
  colorsFor(ids: readonly string[]): Map<string, string>;
}

function emptyRow(id: string): SpeakerRow {
  return {
    speaker_id: id, speaker_name: id, speaker_role: "", compared: true, statements: 0, documents: 0, words_quoted: 0,
    share_risk: 0, share_consequence: 0, share_assessment: 0, share_hedged: 0, languages: [], sources: [], low_n: true, statement_ids: [],
  };
}

function directory(data: Dashboard): SpeakerDirectory {
  const byId = new Map(data.metrics.speakers.map((s) => [s.speaker_id, s]));
  // An analyst the pipeline found no statement for still gets a (zero) row, so the comparison shows the gap.
  const compared = data.metrics.compared.map((id) => byId.get(id) ?? emptyRow(id));
  const comparedIds = new Set(data.metrics.compared);
  const others = data.metrics.speakers.filter((s) => !comparedIds.has(s.speaker_id)).sort((a, b) => b.statements - a.statements);
  const all = [...compared, ...others];
  const colors = new Map(all.map((s, i) => [s.speaker_id, seriesColor(i)]));
  return {
    compared,
    all,
    get: (id) => byId.get(id) ?? (comparedIds.has(id) ? emptyRow(id) : undefined),
    color: (id) => colors.get(id) ?? "#555555",
    colorsFor: (ids) => assignColors(ids, (id) => (comparedIds.has(id) ? colors.get(id) : undefined), new Set(compared.map((s) => colors.get(s.speaker_id)!))),
  };
}

/** Per-request entry point of every page: fresh artifacts (dynamic rendering) and labels in the chosen language. */
export async function pageContext(): Promise<{ kind: "ok"; ctx: PageContext } | DataProblem> {
  await connection();
  const loaded = await loadDashboard();
  if (loaded.kind !== "ok") return loaded;
  const { codebook, metrics } = loaded.data;
  const labels = labelsFor({ codebook, themeLabels: metrics.theme_labels, frameLabels: metrics.frame_labels }, await uiLang());
  const titles = new Map(metrics.sources.map((s) => [s.doc_id, s.title ?? s.file]));
  return { kind: "ok", ctx: { data: loaded.data, labels, speakers: directory(loaded.data), sourceTitle: (id) => titles.get(id) ?? id } };
}
