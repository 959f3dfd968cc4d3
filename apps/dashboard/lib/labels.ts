import type { Codebook } from "@viewpoints/artifacts";

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

/** Labels in the chosen language from the codebook (which carries en and sv). */
export function labelsFor(codebook: Codebook | null, lang: UiLang): Labels {
  const themes = new Map<string, string>(codebook?.themes.map((t) => [t.id, t.label[lang]]) ?? []);
  const frames = new Map<string, string>(codebook?.frames.map((f) => [f.id, f.label[lang]]) ?? []);
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
