import type { Document, Lang, NormalizedDocument, NormalizeDocumentReport, Paragraph, Removal, Sentence } from "@viewpoints/artifacts";
import { cleanParagraphs } from "./clean";
import type { LanguageContext, NormalizeContext } from "./context";
import { isDashQuote, paragraphKind } from "./kinds";
import { detectLanguage } from "./language";
import { findNames } from "./names";
import { unifyPunctuation } from "./punctuation";
import { splitSentences } from "./sentences";
import { unwrapParagraphs } from "./unwrap";

/** A normalized document and its entry for normalize-report.json. */
export interface NormalizeResult {
  document: NormalizedDocument;
  report: NormalizeDocumentReport;
}

const PARAGRAPH_SEPARATOR = "\n\n";

function rulesFor(context: NormalizeContext, lang: Lang): LanguageContext {
  return (lang === "unknown" ? undefined : context.languages.get(lang)) ?? context.anyLanguage;
}

/**
 * Normalizes one ingested document: repairs hard-wrapped lines, removes what is not the article
 * (every removal kept with its rule id), unifies quotes and dashes, classifies paragraphs, detects
 * languages, splits sentences and finds person mentions. Pure: no I/O.
 */
export function normalizeDocument(doc: Document, context: NormalizeContext): NormalizeResult {
  const rawLang = detectLanguage(doc.text, context.profiles);
  const rawRules = rulesFor(context, rawLang === "unknown" ? (doc.meta.language ?? "unknown") : rawLang);

  const lines = unwrapParagraphs(doc.text, rawRules.sentences.starters);
  const cleaned = cleanParagraphs(lines, [...context.shared, ...rawRules.cleaning]);
  const removed: Removal[] = cleaned.removed;

  const texts: string[] = [];
  const kinds: Paragraph["kind"][] = [];
  let title: string | null = null;
  for (const raw of cleaned.paragraphs) {
    const text = unifyPunctuation(raw);
    if (!text) continue;
    const kind = paragraphKind(text, texts.length, rawRules.headingPrefixes, doc.meta.title);
    if (title !== null && text === title) {
      removed.push({ rule: "duplicate-title", text });
      continue;
    }
    if (kind === "title") title = text;
    texts.push(text);
    kinds.push(kind);
  }

  const text = texts.join(PARAGRAPH_SEPARATOR);
  const detected = detectLanguage(text, context.profiles);
  const lang: Lang = detected === "unknown" ? (doc.meta.language ?? "unknown") : detected;
  const docRules = rulesFor(context, lang);

  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  for (let p = 0; p < texts.length; p++) {
    const start = offset;
    const end = start + texts[p]!.length;
    const paragraphLang = detectLanguage(text, context.profiles, start, end);
    paragraphs.push({ start, end, lang: paragraphLang, kind: kinds[p]!, dashQuote: isDashQuote(texts[p]!) });
    const sentenceRules = paragraphLang === "unknown" ? docRules.sentences : rulesFor(context, paragraphLang).sentences;
    for (const span of splitSentences(text, sentenceRules, start, end)) sentences.push({ start: span.start, end: span.end, paragraph: p });
    offset = end + PARAGRAPH_SEPARATOR.length;
  }

  const { persons, mentions } = findNames(text, context.registry, docRules.names);
  const mentionCounts = new Map<string, number>();
  for (const m of mentions) mentionCounts.set(m.personId, (mentionCounts.get(m.personId) ?? 0) + 1);

  const document: NormalizedDocument = {
    id: doc.id,
    file: doc.file,
    hash: doc.hash,
    meta: doc.meta,
    lang,
    text,
    paragraphs,
    sentences,
    persons,
    mentions,
    removed,
  };
  const report: NormalizeDocumentReport = {
    id: doc.id,
    file: doc.file,
    lang,
    paragraphs: paragraphs.length,
    headings: paragraphs.filter((p) => p.kind !== "body").length,
    sentences: sentences.length,
    persons: persons.map((p) => ({ id: p.id, name: p.name, registered: p.registered, mentions: mentionCounts.get(p.id) ?? 0 })),
    removed,
  };
  return { document, report };
}
