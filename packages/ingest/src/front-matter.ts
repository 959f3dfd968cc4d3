import { EMPTY_RAW_META, splitAuthors, type RawMeta } from "./meta";

export interface MarkdownArticle {
  body: string;
  meta: RawMeta;
  /** Set when the file opens front matter that never closes; the whole file is then the body. */
  problem: string | null;
}

type Value = string | string[];

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, "\\");
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

/** Drops a trailing " # comment" from an unquoted value. */
function stripComment(value: string): string {
  if (value.startsWith('"') || value.startsWith("'")) return value;
  const at = value.indexOf(" #");
  return at === -1 ? value : value.slice(0, at);
}

function parseValue(rest: string): Value {
  const v = stripComment(rest).trim();
  if (v.startsWith("[") && v.endsWith("]")) {
    return v.slice(1, -1).split(",").map(unquote).filter(Boolean);
  }
  return unquote(v);
}

/** Reads the flat subset of YAML that front matter uses: `key: value`, `key: [a, b]` and `- item` lists. */
function parseFields(lines: string[]): Map<string, Value> {
  const fields = new Map<string, Value>();
  let listKey: string | null = null;
  for (const line of lines) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey !== null) {
      const list = fields.get(listKey);
      if (Array.isArray(list)) list.push(unquote(stripComment(item[1] ?? "")));
      continue;
    }
    // Indented lines belong to nested structures of keys we do not read.
    const pair = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(line.trimEnd());
    if (!pair || line.startsWith(" ") || line.startsWith("\t")) continue;
    const key = (pair[1] ?? "").toLowerCase();
    const rest = pair[2] ?? "";
    if (rest.trim() === "") {
      fields.set(key, []);
      listKey = key;
    } else {
      fields.set(key, parseValue(rest));
      listKey = null;
    }
  }
  return fields;
}

function text(fields: Map<string, Value>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = fields.get(key);
    if (typeof value === "string" && value.trim()) return value;
    if (Array.isArray(value) && value.length > 0) return value.join(", ");
  }
  return null;
}

function authorsOf(fields: Map<string, Value>): string[] {
  const value = fields.get("authors") ?? fields.get("author");
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map((a) => a.trim()).filter(Boolean) : splitAuthors(value);
}

/** Splits a Markdown file into optional YAML front matter (metadata) and its body. */
export function parseMarkdown(source: string): MarkdownArticle {
  const lines = source.split("\n");
  if (lines[0]?.trimEnd() !== "---") return { body: source, meta: EMPTY_RAW_META, problem: null };
  const close = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === "---" || line.trimEnd() === "..."));
  if (close === -1) {
    return { body: source, meta: EMPTY_RAW_META, problem: "opens front matter with --- but never closes it; the whole file is kept as text" };
  }
  const fields = parseFields(lines.slice(1, close));
  return {
    body: lines.slice(close + 1).join("\n").replace(/^\n+/, ""),
    meta: {
      title: text(fields, "title"),
      outlet: text(fields, "outlet"),
      published: text(fields, "published", "date"),
      url: text(fields, "url"),
      language: text(fields, "language", "lang"),
      authors: authorsOf(fields),
    },
    problem: null,
  };
}
