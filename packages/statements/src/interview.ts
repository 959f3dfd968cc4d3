import type { NormalizedDocument } from "@viewpoints/artifacts";
import type { NameFinder } from "./cues";
import { paragraphsWhere, type ParagraphRole } from "./layout";
import type { CompiledRules } from "./rules";
import { countWords, isCapitalized, tokenize, type Token } from "./tokens";

/** A paragraph of an interview: whose words it holds (null for the interviewer's) and where they are. */
export interface Turn {
  speaker: string | null;
  start: number;
  end: number;
}

/** Labelled turns a document needs before "Name: text" is read as a transcript, not a "Note:" line. */
const MIN_LABELLED_TURNS = 2;
/** Question lines a document needs before it is read as a Q&A interview. */
const MIN_QUESTIONS = 2;
const MAX_QUESTION_WORDS = 40;
const MAX_LABEL_TOKENS = 10;
const MAX_NAME_PARTS = 4;
/** Paragraphs before the first question where the lead introduces the interviewee. */
const LEAD_PARAGRAPHS = 4;

const isStar = (code: number) => code === 0x2a || code === 0x5f;
const isBlank = (code: number) => code === 0x20 || code === 0x0a || code === 0x09 || code === 0xa0;

/** The paragraph without blanks and bold/italic marks at either end ("**Why now?**"). */
function coreOf(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && (isBlank(text.charCodeAt(s)) || isStar(text.charCodeAt(s)))) s += 1;
  while (e > s && (isBlank(text.charCodeAt(e - 1)) || isStar(text.charCodeAt(e - 1)))) e -= 1;
  return { start: s, end: e };
}

const QUOTE_OPEN = new Set(["“", "„", "«", "»", "”", "\"", "‘", "'"]);
const QUOTE_CLOSE = new Set(["”", "\"", "»", "«", "“", "’", "'"]);

/** A paragraph that is one quotation from end to end: its words without the marks, or null. */
export function wholeQuote(text: string, start: number, end: number): { start: number; end: number } | null {
  const core = coreOf(text, start, end);
  if (core.end - core.start < 2 || !QUOTE_OPEN.has(text[core.start]!) || !QUOTE_CLOSE.has(text[core.end - 1]!)) return null;
  for (let i = core.start + 1; i < core.end - 1; i++) if (QUOTE_CLOSE.has(text[i]!) && QUOTE_OPEN.has(text[i]!) && text[i] !== "'") return null;
  return { start: core.start + 1, end: core.end - 1 };
}

interface Label {
  /** A person's id, "interviewer" or "answer" for the generic labels, or null when the label is no speaker. */
  who: string | "interviewer" | "answer" | null;
  /** Where the turn's words start, after the colon. */
  textStart: number;
}

/** "NAME: …", "Name, affiliation: …", "FRÅGA: …", "Q: …" at the start of a paragraph. */
function readLabel(tokens: readonly Token[], rules: CompiledRules, findName: NameFinder, resolveName: (name: string) => string | null): Label | null {
  const colon = tokens.findIndex((t, k) => k < MAX_LABEL_TOKENS && t.text === ":");
  const after = tokens[colon + 1];
  if (colon < 1 || !after) return null;
  const first = tokens[0]!;
  if (colon === 1 && rules.interviewerLabels.has(first.lower)) return { who: "interviewer", textStart: after.start };
  if (colon === 1 && rules.answerLabels.has(first.lower)) return { who: "answer", textStart: after.start };
  // The name ends at the colon or at the comma before an affiliation; an affiliation may hold anything.
  const comma = tokens.findIndex((t, k) => k < colon && t.text === ",");
  const nameEnd = comma > 0 ? comma : colon;
  const known = findName(tokens, 0);
  if (known && known.next === nameEnd) return { who: known.id, textStart: after.start };
  const id = labelName(tokens.slice(0, nameEnd), rules, findName, resolveName);
  return id ? { who: id, textStart: after.start } : null;
}

/** The person a label or credit names in two to four capitalized words ("OLGA PETRENKO", "Olga Petrenko"), or null. */
export function labelName(parts: readonly Token[], rules: CompiledRules, findName: NameFinder, resolveName: (name: string) => string | null): string | null {
  const nameLike = parts.length >= 2 && parts.length <= MAX_NAME_PARTS && parts.every((t) => isCapitalized(t) || rules.nameParticles.has(t.lower));
  if (!nameLike || parts.some((t) => rules.nonPersonWords.has(t.lower))) return null;
  const name = parts.map((t) => (t.text === t.text.toUpperCase() ? t.text.charAt(0) + t.text.slice(1).toLowerCase() : t.text)).join(" ");
  return findName(tokenize(name), 0)?.id ?? resolveName(name);
}

function isQuestionLine(text: string, start: number, end: number): boolean {
  const core = coreOf(text, start, end);
  return text[core.end - 1] === "?" && countWords(text, core.start, core.end) <= MAX_QUESTION_WORDS && wholeQuote(text, start, end) === null;
}

/**
 * Reads interview layouts: speaker-label transcripts ("NAME: …", "Q: …") and Q&A interviews whose
 * questions stand on lines of their own and whose answers (plain or wholly quoted) belong to the
 * person the lead introduces. Returns the turns by paragraph; paragraphs not in the map follow the
 * ordinary rules. Interviewers' turns and questions map to a turn with no speaker.
 */
export function readInterview(
  doc: NormalizedDocument,
  roles: readonly ParagraphRole[],
  rulesFor: (paragraph: number) => CompiledRules | undefined,
  findName: NameFinder,
  resolveName: (name: string) => string | null,
  /** Whether a paragraph holds a reporting cue or opens with the interviewee's name: the reporter's narrative. */
  isNarrative: (paragraph: number, interviewee: string) => boolean,
): Map<number, Turn> {
  const turns = new Map<number, Turn>();
  const text = doc.text;
  const body = paragraphsWhere(roles, (r) => r === "text" || r === "title");

  // Transcript: labelled turns; a person whose every turn asks a question is the host.
  const labelled: { pi: number; label: Label }[] = [];
  for (const pi of body) {
    const rules = rulesFor(pi);
    const p = doc.paragraphs[pi]!;
    if (!rules || roles[pi] !== "text") continue;
    const core = coreOf(text, p.start, p.end);
    const labelEnd = Math.min(core.end, core.start + 160);
    // A label ends at a colon: most paragraphs have none near their start, so they need no tokens.
    const colon = text.indexOf(":", core.start);
    if (colon < 0 || colon >= labelEnd) continue;
    const label = readLabel(tokenize(text, core.start, labelEnd), rules, findName, resolveName);
    if (label?.who) labelled.push({ pi, label });
  }
  if (labelled.length >= MIN_LABELLED_TURNS) {
    const asks = new Map<string, boolean>();
    for (const { pi, label } of labelled) {
      const p = doc.paragraphs[pi]!;
      asks.set(label.who!, (asks.get(label.who!) ?? true) && isQuestionLine(text, label.textStart, p.end));
    }
    let answerer: string | null = null;
    for (const [who, onlyAsks] of asks) if (!onlyAsks && who !== "interviewer" && who !== "answer") answerer = answerer === null ? who : answerer;
    for (const { pi, label } of labelled) {
      const p = doc.paragraphs[pi]!;
      const who = label.who === "answer" ? answerer : label.who === "interviewer" || asks.get(label.who!) ? null : label.who;
      const words = coreOf(text, label.textStart, p.end);
      turns.set(pi, { speaker: who, start: words.start, end: words.end });
    }
    return turns;
  }

  // Q&A: question lines, then answers until the next question.
  const questions = body.filter((pi) => roles[pi] === "text" || doc.paragraphs[pi]!.kind === "heading").filter((pi) => isQuestionLine(text, doc.paragraphs[pi]!.start, doc.paragraphs[pi]!.end));
  const firstQuestion = questions[0];
  if (questions.length < MIN_QUESTIONS || firstQuestion === undefined) return turns;
  let interviewee: string | null = null;
  // Rhetorical sub-headings ("What now?") are no interview: the questions address someone, or the lead says it is one.
  let addressed = false;
  const lead = body.filter((i) => i < firstQuestion).slice(-LEAD_PARAGRAPHS);
  for (const pi of [...lead, ...questions]) {
    const p = doc.paragraphs[pi]!;
    const rules = rulesFor(pi);
    if (rules && tokenize(text, p.start, p.end).some((t) => rules.interviewMarkers.has(t.lower))) addressed = true;
  }
  if (!addressed) return turns;
  for (const pi of lead) {
    const p = doc.paragraphs[pi]!;
    const tokens = tokenize(text, p.start, p.end);
    for (let k = 0; k < tokens.length; k++) {
      const site = findName(tokens, k);
      if (!site) continue;
      interviewee = site.id;
      k = site.next - 1;
    }
  }
  if (!interviewee) return turns;
  const questionSet = new Set(questions);
  let answering = false;
  for (const pi of body) {
    if (pi < firstQuestion) continue;
    const p = doc.paragraphs[pi]!;
    if (questionSet.has(pi)) {
      turns.set(pi, { speaker: null, start: p.start, end: p.end });
      answering = true;
      continue;
    }
    if (roles[pi] !== "text") continue;
    const quoted = wholeQuote(text, p.start, p.end);
    if (quoted) {
      turns.set(pi, { speaker: interviewee, start: quoted.start, end: quoted.end });
      continue;
    }
    if (isNarrative(pi, interviewee)) {
      answering = false;
      continue;
    }
    if (answering) {
      const core = coreOf(text, p.start, p.end);
      turns.set(pi, { speaker: interviewee, start: core.start, end: core.end });
    }
  }
  return turns;
}
