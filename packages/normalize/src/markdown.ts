import type { Removal } from "@viewpoints/artifacts";

// Line-level markup: ATX headings, block quotes, "*" and "+" list bullets. A "- " bullet is kept:
// in Swedish articles it is far more often a dash quote than a list.
const HEADING = /^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/gm;
const QUOTE = /^[ \t]{0,3}>[ \t]?/gm;
const BULLET = /^[ \t]{0,3}[*+][ \t]+(?=\S)/gm;
// Inline markup: images (removed, they are not text), links (their text stays), emphasis, code.
const IMAGE = /!\[([^\]\n]*)\]\([^)\n]*\)/g;
const LINK = /\[([^\]\n]+)\]\([^)\n]*\)/g;
const STRONG = /(\*\*|__)(?=\S)([^\n]*?\S)\1/g;
const EMPHASIS = /(^|[^\w*])([*_])(?=\S)([^\n*_]*?\S)\2(?![\w*])/g;
const CODE = /`([^`\n]+)`/g;

/**
 * Turns Markdown into plain text the rest of the stage can read: markup goes, its text stays.
 * Images are removed and kept in `removed` like any other cleaning.
 */
export function markdownToText(markdown: string): { text: string; removed: Removal[] } {
  const removed: Removal[] = [];
  const text = markdown
    .replace(IMAGE, (match) => {
      removed.push({ rule: "markdown-image", text: match });
      return "";
    })
    .replace(LINK, "$1")
    .replace(HEADING, "$1")
    .replace(QUOTE, "")
    .replace(BULLET, "")
    .replace(STRONG, "$2")
    .replace(EMPHASIS, "$1$3")
    .replace(CODE, "$1");
  return { text, removed };
}
