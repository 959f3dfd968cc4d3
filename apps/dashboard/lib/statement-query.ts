import type { Statement } from "@viewpoints/artifacts";

/** Explorer filters; every list is "any of", an empty list means no filter. */
export interface StatementFilter {
  speaker: string[];
  theme: string[];
  frame: string[];
  kind: string[];
  lang: string[];
  doc: string[];
  /** null: either. */
  hedged: boolean | null;
  /** Case-insensitive substring of the statement text. */
  q: string;
}

export const EMPTY_FILTER: StatementFilter = { speaker: [], theme: [], frame: [], kind: [], lang: [], doc: [], hedged: null, q: "" };

const LIST_KEYS = ["speaker", "theme", "frame", "kind", "lang", "doc"] as const;

export type SearchParams = Record<string, string | string[] | undefined>;

function values(raw: string | string[] | undefined): string[] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}

function first(raw: string | string[] | undefined): string {
  return (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
}

/** Reads filters from a URL query (repeated or comma-separated values). */
export function parseFilter(params: SearchParams): StatementFilter {
  const hedged = first(params.hedged);
  return {
    speaker: values(params.speaker),
    theme: values(params.theme),
    frame: values(params.frame),
    kind: values(params.kind),
    lang: values(params.lang),
    doc: values(params.doc),
    hedged: hedged === "true" ? true : hedged === "false" ? false : null,
    q: first(params.q).slice(0, 200),
  };
}

/** The explorer URL that shows exactly the statements matching `filter`. */
export function explorerHref(filter: Partial<StatementFilter>, page = 1): string {
  const params = new URLSearchParams();
  for (const key of LIST_KEYS) for (const value of filter[key] ?? []) params.append(key, value);
  if (filter.hedged !== undefined && filter.hedged !== null) params.set("hedged", String(filter.hedged));
  if (filter.q) params.set("q", filter.q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/statements?${query}` : "/statements";
}

/** Statements prepared once per file version: lower-cased text for search, so a query is one linear scan. */
export interface StatementIndex {
  all: readonly Statement[];
  lowerText: readonly string[];
  byId: ReadonlyMap<string, Statement>;
  /** Statements of each document in text order. */
  byDoc: ReadonlyMap<string, readonly Statement[]>;
}

export function buildIndex(statements: readonly Statement[]): StatementIndex {
  const byDoc = new Map<string, Statement[]>();
  for (const s of statements) {
    const list = byDoc.get(s.doc_id);
    if (list) list.push(s);
    else byDoc.set(s.doc_id, [s]);
  }
  for (const list of byDoc.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return {
    all: statements,
    lowerText: statements.map((s) => s.text.toLowerCase()),
    byId: new Map(statements.map((s) => [s.statement_id, s])),
    byDoc,
  };
}

function anyOf(wanted: string[]): ((value: string) => boolean) | null {
  if (wanted.length === 0) return null;
  const set = new Set(wanted);
  return (value) => set.has(value);
}

export interface StatementPage {
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  items: Statement[];
}

/** Filters on the server and returns one page; only that page is ever sent to the browser. */
export function queryStatements(index: StatementIndex, filter: StatementFilter, page: number, pageSize: number): StatementPage {
  const speaker = anyOf(filter.speaker);
  const frame = anyOf(filter.frame);
  const kind = anyOf(filter.kind);
  const lang = anyOf(filter.lang);
  const doc = anyOf(filter.doc);
  const themes = filter.theme.length ? new Set(filter.theme) : null;
  const needle = filter.q.toLowerCase();
  const matches: number[] = [];
  for (let i = 0; i < index.all.length; i++) {
    const s = index.all[i]!;
    if (speaker && !speaker(s.speaker_id)) continue;
    if (frame && !frame(s.frame)) continue;
    if (kind && !kind(s.kind)) continue;
    if (lang && !lang(s.lang)) continue;
    if (doc && !doc(s.doc_id)) continue;
    if (filter.hedged !== null && s.hedged !== filter.hedged) continue;
    if (themes && !s.themes.some((t) => themes.has(t))) continue;
    if (needle && !index.lowerText[i]!.includes(needle)) continue;
    matches.push(i);
  }
  const pages = Math.max(1, Math.ceil(matches.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const items = matches.slice((current - 1) * pageSize, current * pageSize).map((i) => index.all[i]!);
  return { total: matches.length, page: current, pages, pageSize, items };
}

