import type { Codebook, MetricsLabel } from "@viewpoints/artifacts";

export type UiLang = "en" | "sv";
export const LANG_COOKIE = "vp-lang";

export function toUiLang(value: string | undefined): UiLang {
  return value === "sv" ? "sv" : "en";
}

const KIND_LABELS: Record<UiLang, Record<string, string>> = {
  en: { quote: "Quote", reported: "Reported", authored: "Authored" },
  sv: { quote: "Citat", reported: "Återgivet", authored: "Egen text" },
};

const LANGUAGE_NAMES: Record<UiLang, Record<string, string>> = {
  en: { sv: "Swedish", en: "English", unknown: "Unknown" },
  sv: { sv: "Svenska", en: "Engelska", unknown: "Okänt" },
};

/** "russian-influence" → "Russian influence": the label when the codebook does not name an id. */
function humanize(id: string): string {
  const text = id.replace(/-/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface Labels {
  lang: UiLang;
  theme(id: string): string;
  frame(id: string): string;
  kind(id: string): string;
  language(code: string): string;
  /** Theme ids in codebook order, then any the metrics use that the codebook lacks. */
  themeIds(extra: Iterable<string>): string[];
}

/** Where labels come from: the run's own snapshot in metrics.json first, then data/codebook.json. */
export interface LabelSources {
  codebook: Codebook | null;
  themeLabels?: readonly MetricsLabel[] | undefined;
  frameLabels?: readonly MetricsLabel[] | undefined;
}

function labelMap(run: readonly MetricsLabel[] | undefined, codebook: readonly { id: string; label: { en: string; sv: string } }[] | undefined, lang: UiLang): Map<string, string> {
  const map = new Map<string, string>((run ?? []).map((l) => [l.id, l[lang]]));
  for (const entry of codebook ?? []) if (!map.has(entry.id)) map.set(entry.id, entry.label[lang]);
  return map;
}

/** Labels in the chosen language (the codebook carries en and sv), in codebook order. */
export function labelsFor(sources: LabelSources, lang: UiLang): Labels {
  const themes = labelMap(sources.themeLabels, sources.codebook?.themes, lang);
  const frames = labelMap(sources.frameLabels, sources.codebook?.frames, lang);
  return {
    lang,
    theme: (id) => themes.get(id) ?? humanize(id),
    frame: (id) => frames.get(id) ?? humanize(id),
    kind: (id) => KIND_LABELS[lang][id] ?? humanize(id),
    language: (code) => LANGUAGE_NAMES[lang][code] ?? code,
    themeIds: (extra) => {
      const ids = [...themes.keys()];
      for (const id of extra) if (!ids.includes(id)) ids.push(id);
      return ids;
    },
  };
}
