import type { DocumentMeta, SourceRow } from "@viewpoints/artifacts";

/** Metadata as found in front matter or HTML, before it is checked. */
export interface RawMeta {
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
  authors: string[];
}

export const EMPTY_RAW_META: RawMeta = { title: null, outlet: null, published: null, url: null, language: null, authors: [] };

const LANGUAGE_NAMES: Record<string, "sv" | "en"> = { sv: "sv", swe: "sv", swedish: "sv", svenska: "sv", en: "en", eng: "en", english: "en", engelska: "en" };

/** "sv", "sv-SE", "en_GB", "English" → sv/en; anything else is not a language the pipeline reads. */
export function languageOf(value: string): "sv" | "en" | null {
  const primary = value.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return LANGUAGE_NAMES[primary] ?? null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The calendar date a value states (YYYY-MM-DD, optionally followed by a time), as written; null otherwise. */
export function isoDateOf(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  return isRealDate(Number(y), Number(m), Number(d)) ? `${y}-${m}-${d}` : null;
}

export function httpUrlOf(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Splits an author string: on ";" when there is one (so "Persson, Gudrun" survives), else on ",". */
export function splitAuthors(value: string): string[] {
  const separator = value.includes(";") ? ";" : ",";
  return value.split(separator).map((a) => a.trim()).filter(Boolean);
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : null;
}

/**
 * Checks raw metadata: dates, URLs and languages that cannot be read become null (never guessed),
 * and each is described through `complain` so the user can fix the source.
 */
export function checkMeta(raw: RawMeta, complain: (message: string) => void): DocumentMeta {
  const published = clean(raw.published);
  const url = clean(raw.url);
  const language = clean(raw.language);
  // Members in the schema's order: the record then passes the writer's fast check without zod's copy.
  const meta: DocumentMeta = {
    outlet: clean(raw.outlet),
    title: clean(raw.title),
    published: published === null ? null : isoDateOf(published),
    url: url === null ? null : httpUrlOf(url),
    language: language === null ? null : languageOf(language),
    authors: [...new Set(raw.authors.map((a) => clean(a)).filter((a): a is string => a !== null))],
  };
  if (published !== null && meta.published === null) complain(`date "${published}" is not a real date in the form YYYY-MM-DD; left empty`);
  if (url !== null && meta.url === null) complain(`url "${url}" is not an http(s) address; left empty`);
  if (language !== null && meta.language === null) complain(`language "${language}" is not sv or en; left unknown`);
  return meta;
}

/** Manifest cells override what the article says about itself; empty cells leave it alone. */
export function applyRow(meta: DocumentMeta, row: SourceRow | undefined): DocumentMeta {
  if (!row) return meta;
  return {
    outlet: row.outlet ?? meta.outlet,
    title: row.title ?? meta.title,
    published: row.published ?? meta.published,
    url: row.url ?? meta.url,
    language: row.language ?? meta.language,
    authors: row.authors === undefined ? meta.authors : splitAuthors(row.authors),
  };
}
