import { decodeEntities } from "./entities";
import type { RawMeta } from "./meta";

/** Elements whose content is never article text. */
const DROPPED = new Set(["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "head", "svg", "iframe", "button", "select"]);
/** Elements whose content is raw text up to the closing tag (no markup inside). */
const RAW_TEXT = new Set(["script", "style", "noscript", "template", "title", "textarea", "xmp"]);
/** Elements that end a paragraph. */
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
  "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "hr", "address", "details",
  "summary", "caption", "body", "html", "center", "fieldset", "legend",
]);
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

export interface HtmlArticle {
  text: string;
  meta: RawMeta;
}

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: Map<string, string>;
  /** Index just past the closing ">". */
  end: number;
}

function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45 || code === 58 || code === 95;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** Reads a tag starting at `<`; null when the `<` does not open a tag (then it is text). */
function readTag(html: string, start: number): Tag | null {
  let i = start + 1;
  const closing = html.charCodeAt(i) === 47;
  if (closing) i += 1;
  const nameStart = i;
  while (i < html.length && isNameChar(html.charCodeAt(i))) i += 1;
  if (i === nameStart) return null;
  const name = html.slice(nameStart, i).toLowerCase();
  const attrs = new Map<string, string>();
  let selfClosing = false;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (c === 62) return { name, closing, selfClosing, attrs, end: i + 1 };
    if (isSpace(c)) {
      i += 1;
      continue;
    }
    if (c === 47) {
      selfClosing = true;
      i += 1;
      continue;
    }
    selfClosing = false;
    const attrStart = i;
    while (i < html.length && !isSpace(html.charCodeAt(i)) && html[i] !== "=" && html[i] !== ">" && html[i] !== "/") i += 1;
    const attr = html.slice(attrStart, i).toLowerCase();
    while (i < html.length && isSpace(html.charCodeAt(i))) i += 1;
    let value = "";
    if (html[i] === "=") {
      i += 1;
      while (i < html.length && isSpace(html.charCodeAt(i))) i += 1;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const stop = close === -1 ? html.length : close;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !isSpace(html.charCodeAt(i)) && html[i] !== ">") i += 1;
        value = html.slice(valueStart, i);
      }
    }
    if (attr && !attrs.has(attr)) attrs.set(attr, decodeEntities(value));
    if (i === attrStart) i += 1;
  }
  return null;
}

/** Finds the closing tag of a raw-text element, case-insensitively; returns [contentEnd, afterTag]. */
function findRawEnd(html: string, lower: string, from: number, name: string): [number, number] {
  const at = lower.indexOf(`</${name}`, from);
  if (at === -1) return [html.length, html.length];
  const gt = html.indexOf(">", at);
  return [at, gt === -1 ? html.length : gt + 1];
}

function collapse(text: string): string {
  return text.replace(/[ \t\n\f\r]+/g, " ");
}

/**
 * Extracts the article text and metadata from an HTML page: drops scripts, styles, navigation, headers,
 * footers, asides, forms and comments; block elements become paragraph breaks; entities are decoded.
 */
export function extractHtml(html: string): HtmlArticle {
  const lower = html.toLowerCase();
  const paragraphs: string[] = [];
  let current = "";
  const hidden: string[] = [];
  let pre = 0;
  let title: string | null = null;
  const metaTags = new Map<string, string>();
  const authors: string[] = [];
  let lang: string | null = null;
  let canonical: string | null = null;

  const flush = () => {
    const paragraph = current
      .split("\n")
      .map((line) => line.trim())
      .join("\n")
      .trim();
    if (paragraph) paragraphs.push(paragraph);
    current = "";
  };

  let i = 0;
  let textStart = 0;
  const emitText = (end: number) => {
    if (end > textStart && hidden.length === 0) {
      const raw = html.slice(textStart, end);
      current += decodeEntities(pre > 0 ? raw : collapse(raw));
    }
  };

  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) break;
    if (html.startsWith("<!--", lt)) {
      emitText(lt);
      const close = html.indexOf("-->", lt + 4);
      i = textStart = close === -1 ? html.length : close + 3;
      continue;
    }
    const next = html[lt + 1];
    if (next === "!" || next === "?") {
      emitText(lt);
      const close = html.indexOf(">", lt);
      i = textStart = close === -1 ? html.length : close + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      i = lt + 1;
      continue;
    }
    emitText(lt);
    i = textStart = tag.end;
    const { name } = tag;

    if (tag.closing) {
      const open = hidden.lastIndexOf(name);
      if (open !== -1) hidden.length = open;
      if (name === "pre" && pre > 0) pre -= 1;
      if (BLOCK.has(name)) flush();
      continue;
    }
    // A body start closes an unclosed head, as browsers do.
    if (name === "body" && hidden.includes("head")) hidden.length = hidden.indexOf("head");
    if (name === "html" && tag.attrs.get("lang")) lang = tag.attrs.get("lang") ?? null;
    if (name === "meta") {
      const key = (tag.attrs.get("property") ?? tag.attrs.get("name") ?? "").toLowerCase();
      const content = tag.attrs.get("content")?.trim();
      if (key && content) {
        if (key === "author") authors.push(content);
        else if (!metaTags.has(key)) metaTags.set(key, content);
      }
    }
    if (name === "link" && tag.attrs.get("rel")?.toLowerCase() === "canonical") canonical = tag.attrs.get("href") ?? null;
    if (RAW_TEXT.has(name) && !tag.selfClosing) {
      const [contentEnd, after] = findRawEnd(html, lower, tag.end, name);
      if (name === "title" && title === null) title = collapse(decodeEntities(html.slice(tag.end, contentEnd))).trim();
      else if (!DROPPED.has(name) && hidden.length === 0) current += decodeEntities(html.slice(tag.end, contentEnd));
      i = textStart = after;
      continue;
    }
    if (name === "br") {
      if (hidden.length === 0) current += "\n";
      continue;
    }
    if (name === "td" || name === "th") {
      if (hidden.length === 0) current += " ";
      continue;
    }
    if (DROPPED.has(name) && !tag.selfClosing && !VOID.has(name)) hidden.push(name);
    if (name === "pre") pre += 1;
    if (BLOCK.has(name)) flush();
  }
  emitText(html.length);
  flush();

  return {
    text: paragraphs.join("\n\n"),
    meta: {
      title: metaTags.get("og:title") ?? metaTags.get("twitter:title") ?? title,
      outlet: metaTags.get("og:site_name") ?? null,
      published: metaTags.get("article:published_time") ?? null,
      url: metaTags.get("og:url") ?? canonical,
      language: lang,
      authors,
    },
  };
}
