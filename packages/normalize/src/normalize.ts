import type { Document, Lang, NormalizedDocument, NormalizeDocumentReport, Paragraph, Removal, Sentence } from "@viewpoints/artifacts";
import { cleanParagraphs } from "./clean";
import type { LanguageContext, NormalizeContext } from "./context";
import { isDashQuote, paragraphKind } from "./kinds";
import { markdownToText } from "./markdown";
import { addLanguageEvidence, decideLanguage, detectLanguage } from "./language";
import { findNames } from "./names";
import { unifyPunctuation } from "./punctuation";
import { splitSentences, TerminatorIndex } from "./sentences";
import { TokenBuffers, tokenize } from "./tokens";
import { unwrapParagraphs } from "./unwrap";

/** A normalized document and its entry for normalize-report.json. */
export interface NormalizeResult {
  document: NormalizedDocument;
  report: NormalizeDocumentReport;
}

const PARAGRAPH_SEPARATOR = "\n\n";
/** Choosing the cleaning rules needs only a sample of the raw text. */
const RAW_SAMPLE = 1000;
/** A paragraph's language is decided from at most this many of its words: plenty of evidence, bounded cost. */
const EVIDENCE_WORDS = 40;

/** A document's tokens are read only while it is normalized: one set of arrays serves every document. */
const documentTokens = new TokenBuffers();

function rulesFor(context: NormalizeContext, lang: Lang): LanguageContext {
  return (lang === "unknown" ? undefined : context.languages.get(lang)) ?? context.anyLanguage;
}

/**
 * Normalizes one ingested document: reads Markdown as text, repairs hard-wrapped lines, removes what
 * is not the article (every removal kept with its rule id), unifies quotes and dashes, classifies
 * paragraphs, detects languages, splits sentences and finds person mentions. Pure: no I/O.
 */
export function normalizeDocument(doc: Document, context: NormalizeContext): NormalizeResult {
  const markdown = doc.format === "md" ? markdownToText(doc.text) : null;
  const raw = markdown ? markdown.text : doc.text;
  const rawLang = detectLanguage(context.detector, raw, 0, Math.min(raw.length, RAW_SAMPLE));
  const rawRules = rulesFor(context, rawLang === "unknown" ? (doc.meta.language ?? "unknown") : rawLang);

  const lines = unwrapParagraphs(raw, rawRules.sentences.starters);
  const cleaned = cleanParagraphs(lines, [...context.shared, ...rawRules.cleaning]);
  const removed: Removal[] = markdown ? [...markdown.removed, ...cleaned.removed] : cleaned.removed;

  const texts: string[] = [];
  const kinds: Paragraph["kind"][] = [];
  let title: string | null = null;
  for (const paragraph of cleaned.paragraphs) {
    const text = unifyPunctuation(paragraph);
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
  const tokens = tokenize(text, 0, text.length, documentTokens);
  const docScores = new Array<number>(context.detector.langs.length).fill(0);
  const paragraphLangs: Lang[] = [];
  let offset = 0;
  let token = 0;
  for (const paragraph of texts) {
    const scores = new Array<number>(docScores.length).fill(0);
    const first = token;
    const end = offset + paragraph.length;
    while (token < tokens.count && tokens.starts[token]! < end) token++;
    addLanguageEvidence(context.detector, scores, tokens, first, Math.min(token, first + EVIDENCE_WORDS));
    for (let k = 0; k < scores.length; k++) docScores[k]! += scores[k]!;
    paragraphLangs.push(decideLanguage(context.detector, scores));
    offset += paragraph.length + PARAGRAPH_SEPARATOR.length;
  }
  const detected = decideLanguage(context.detector, docScores);
  const lang: Lang = detected === "unknown" ? (doc.meta.language ?? "unknown") : detected;
  const docRules = rulesFor(context, lang);

  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const terminators = new TerminatorIndex(text);
  offset = 0;
  for (let p = 0; p < texts.length; p++) {
    const start = offset;
    const end = start + texts[p]!.length;
    const paragraphLang = paragraphLangs[p]!;
    paragraphs.push({ start, end, lang: paragraphLang, kind: kinds[p]!, dashQuote: isDashQuote(texts[p]!) });
    const sentenceRules = paragraphLang === "unknown" ? docRules.sentences : rulesFor(context, paragraphLang).sentences;
    for (const span of splitSentences(text, sentenceRules, start, end, terminators)) sentences.push({ start: span.start, end: span.end, paragraph: p });
    offset = end + PARAGRAPH_SEPARATOR.length;
  }

  const { persons, mentions } = findNames(text, context.registry, docRules.names, tokens);
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
    headings: paragraphs.filter((p) => p.kind === "heading").length,
    sentences: sentences.length,
    persons: persons.map((p) => ({ id: p.id, name: p.name, registered: p.registered, mentions: mentionCounts.get(p.id) ?? 0 })),
    removed,
  };
  return { document, report };
}
