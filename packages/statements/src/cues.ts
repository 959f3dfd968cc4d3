import { isRoleNoun, type CompiledRules, type Gender } from "./rules";
import { isCapitalized, type Token } from "./tokens";

/** A person named at a token: the mention's person and the token after the name. */
export interface NameSite {
  id: string;
  next: number;
}

/** Finds the person named at token `i`, if a name starts there. */
export type NameFinder = (tokens: readonly Token[], i: number) => NameSite | null;

export type CueForm = "subject" | "inverted" | "according";

/** Evidence in a stretch of tokens that someone says or thinks what the sentence reports. */
export interface Cue {
  form: CueForm;
  /** Named speakers, in order ("X och Y" gives two); empty for a pronoun. */
  speakers: string[];
  /** Set when the speaker is a pronoun (its gender) or a role noun naming the current speaker ("analytikern"). */
  pronoun: Gender | "role" | null;
  /** The verb or phrase that carries the attribution ("säger", "according to"). */
  cue: string;
  /** First token of the pattern and the token after it. */
  from: number;
  to: number;
  /** Apposition after a name ("head of RIAC"), a role the text gives the speaker. */
  role: string | null;
}

const CLOSING_MARKS = new Set(["”", "\"", "»", "'", "’", "“"]);
const SENTENCE_END = new Set([".", "!", "?", ";"]);
const MAX_APPOSITION = 40;
const MAX_MODIFIERS = 4;

function isLowerWord(t: Token | undefined): boolean {
  return Boolean(t?.word) && !isCapitalized(t!);
}

/** Skips auxiliaries and adverbs ("har", "likewise") and returns the index of the next token. */
function skipFillers(tokens: readonly Token[], i: number, rules: CompiledRules, max = 3): number {
  let j = i;
  while (j < tokens.length && j - i < max) {
    const t = tokens[j]!;
    if (!(rules.auxiliaries.has(t.lower) || rules.adverbs.has(t.lower))) break;
    j += 1;
  }
  return j;
}

/** Names joined by "och"/"and"/",": returns the persons and the token after the last name. */
function nameList(tokens: readonly Token[], site: NameSite, findName: NameFinder, rules: CompiledRules): { ids: string[]; next: number } {
  const ids = [site.id];
  let next = site.next;
  for (;;) {
    const joiner = tokens[next];
    if (!joiner || !(rules.coordinators.has(joiner.lower) || joiner.text === ",")) break;
    const more = findName(tokens, next + 1);
    if (!more) break;
    if (!ids.includes(more.id)) ids.push(more.id);
    next = more.next;
  }
  return { ids, next };
}

/**
 * An apposition after a name: ", head of the council (RIAC), a think tank," — it starts with a
 * lower-case word and runs to the next comma outside brackets. Returns the role text and the token
 * after the closing comma, or null when no apposition starts at `i`.
 */
function apposition(tokens: readonly Token[], i: number, text: string, rules: CompiledRules): { role: string | null; next: number; closed: boolean } | null {
  if (tokens[i]?.text !== ",") return null;
  const first = tokens[i + 1];
  // Roles open lower-case, with an article, with an age (", 45, said") or with a compound role ("Rysslandsforskare").
  if (!first || !(isLowerWord(first) || rules.articles.has(first.lower) || /^\d+$/.test(first.text) || (first.word && isRoleNoun(first.lower, rules)))) return null;
  const relative = rules.relativePronouns.has(first.lower);
  let depth = 0;
  let j = i + 1;
  let segments = 0;
  let end = -1;
  for (; j < tokens.length && j - i < MAX_APPOSITION; j++) {
    const t = tokens[j]!;
    if (t.text === "(") depth += 1;
    else if (t.text === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (SENTENCE_END.has(t.text) || CLOSING_MARKS.has(t.text))) break;
    else if (depth === 0 && t.text === ",") {
      end = j;
      segments += 1;
      const after = tokens[j + 1];
      // A second apposition segment ("…(RIAC), a Kremlin-linked think tank,") continues the role.
      if (segments < 3 && after && rules.articles.has(after.lower)) continue;
      break;
    }
  }
  const stop = end >= 0 ? end : j;
  const role = text.slice(tokens[i + 1]!.start, tokens[stop - 1]!.end);
  // A relative clause (", who heads the council,") may stand between name and verb but names no role.
  // One word between commas (", however,") is an aside, not a role.
  const isRole = !relative && stop - (i + 1) >= 2;
  return { role: isRole ? role : null, next: end >= 0 ? end + 1 : j, closed: end >= 0 };
}

/** Persons the tokens introduce with a role ("Anna Berg, analytiker vid UI, …"): likely the next speaker. */
export function introducedWithRole(tokens: readonly Token[], rules: CompiledRules, findName: NameFinder, text: string): string[] {
  return introducedAmong(nameSites(tokens, findName), tokens, rules, text);
}

/** The names in the tokens, left to right, each read from its first token on. */
export function nameSites(tokens: readonly Token[], findName: NameFinder): NameSite[] {
  const sites: NameSite[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const site = findName(tokens, i);
    if (!site) continue;
    sites.push(site);
    i = site.next - 1;
  }
  return sites;
}

/** `introducedWithRole` for names already found by `nameSites`. */
export function introducedAmong(sites: readonly NameSite[], tokens: readonly Token[], rules: CompiledRules, text: string): string[] {
  const ids: string[] = [];
  for (const site of sites) if (apposition(tokens, site.next, text, rules)?.role && !ids.includes(site.id)) ids.push(site.id);
  return ids;
}

/** A speech verb not turned into another verb by its particle ("Tokajev sa upp regeringen"). */
function isSpeechVerb(tokens: readonly Token[], i: number, rules: CompiledRules): boolean {
  const verb = tokens[i];
  return verb !== undefined && rules.speechVerbs.has(verb.lower) && !rules.nonSpeechParticles.has(tokens[i + 1]?.lower ?? "");
}

function matchPhrase(tokens: readonly Token[], i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[i + k]?.lower !== phrase[k]) return false;
  return true;
}

/** The first of the phrases that starts at token `i`. */
function phraseAt(tokens: readonly Token[], i: number, phrases: readonly string[][]): string[] | undefined {
  for (const phrase of phrases) if (matchPhrase(tokens, i, phrase)) return phrase;
  return undefined;
}

/** "In her view", "enligt Baunovs bedömning": a frame whose possessive slot names the speaker. */
function possessiveFrame(tokens: readonly Token[], i: number, rules: CompiledRules, findOwner: NameFinder): Cue | null {
  for (const frame of rules.slotFrames) {
    if (!matchPhrase(tokens, i, frame.before)) continue;
    const at = i + frame.before.length;
    const pronoun = rules.possessives.get(tokens[at]?.lower ?? "") ?? null;
    const owner = pronoun ? null : findOwner(tokens, at);
    const after = pronoun ? at + 1 : owner?.next;
    if (after === undefined || !matchPhrase(tokens, after, frame.after)) continue;
    const to = after + frame.after.length;
    return { form: "according", speakers: owner ? [owner.id] : [], pronoun, cue: frame.cue, from: i, to, role: null };
  }
  return null;
}

/** Skips words that may stand between a verb and the name: titles, possessives ("RIAC’s"), roles. */
function skipModifiers(tokens: readonly Token[], i: number, rules: CompiledRules, findName: NameFinder): number | null {
  let j = i;
  while (j < tokens.length && j - i <= MAX_MODIFIERS) {
    if (findName(tokens, j)) return j;
    const t = tokens[j]!;
    if (!t.word || rules.blockers.has(t.lower) || rules.speechVerbs.has(t.lower) || rules.pronouns.has(t.lower)) return null;
    j += 1;
  }
  return null;
}

/** A pronoun or role noun at token `i` standing for a speaker: its gender ("role" for a role noun) and the next token. */
type Anaphor = { kind: Gender | "role"; next: number };

/** Says whether tokens at `i` ("the analyst", "forskaren") name the current speaker by role; returns the next token. */
export type RoleAnaphorFinder = (tokens: readonly Token[], i: number, rules: CompiledRules) => number | null;

/** What the cue finder needs besides the tokens: the language's rules and how to recognise speakers. */
export interface CueContext {
  rules: CompiledRules;
  findName: NameFinder;
  /** The person a genitive names ("Baunovs", "Kortunov’s"), for "enligt Baunovs bedömning". */
  findOwner?: NameFinder;
  roleAnaphorAt?: RoleAnaphorFinder;
  text: string;
}

const noOwner: NameFinder = () => null;

// Module functions rather than closures per call: findCues runs for every sentence.
function anaphorAt(slice: readonly Token[], i: number, ctx: CueContext): Anaphor | null {
  const gender = ctx.rules.pronouns.get(slice[i]?.lower ?? "");
  if (gender) return { kind: gender, next: i + 1 };
  const next = i < slice.length && ctx.roleAnaphorAt ? ctx.roleAnaphorAt(slice, i, ctx.rules) : null;
  return next === null ? null : { kind: "role", next };
}

/** The speaker after a verb or "enligt" at token j: a pronoun or role noun, or names with an optional apposition. */
function speakerAfter(slice: readonly Token[], form: CueForm, cue: string, i: number, j: number, ctx: CueContext): Cue | null {
  const { rules, findName } = ctx;
  const anaphor = anaphorAt(slice, j, ctx);
  if (anaphor) return { form, speakers: [], pronoun: anaphor.kind, cue, from: i, to: anaphor.next, role: null };
  const k = skipModifiers(slice, j, rules, findName);
  const site = k === null ? null : findName(slice, k);
  if (!site) return null;
  const list = nameList(slice, site, findName, rules);
  return { form, speakers: list.ids, pronoun: null, cue, from: i, to: list.next, role: apposition(slice, list.next, ctx.text, rules)?.role ?? null };
}

/**
 * Finds every attribution pattern in tokens[from, to): "X (, apposition,) säger", "säger X",
 * "enligt X", "he said", "säger han", "said the analyst". The caller picks among them by position.
 * With a `limit`, stops once it has found that many.
 */
export function findCues(tokens: readonly Token[], from: number, to: number, ctx: CueContext, limit = Infinity): Cue[] {
  const { rules, findName, text } = ctx;
  const findOwner = ctx.findOwner ?? noOwner;
  const cues: Cue[] = [];
  // Tokens past `to` must stay out of reach; when there are none, no copy is needed.
  const slice = to === tokens.length ? tokens : tokens.slice(0, to);
  if (!mayHoldCueIn(slice, from, to, rules)) {
    meetNames(slice, from, to, findName, rules);
    return cues;
  }
  for (let i = from; i < to && cues.length < limit; i++) {
    const t = slice[i]!;
    // Most words open no phrase: skip trying each phrase and frame at them.
    const mayOpenPhrase = rules.phraseOpeners === null || rules.phraseOpeners.has(t.lower);
    const phrase = mayOpenPhrase ? phraseAt(slice, i, rules.accordingTo) : undefined;
    if (phrase) {
      const j = i + phrase.length;
      const owner = findOwner(slice, j) ?? (rules.articles.has(slice[j]?.lower ?? "") ? findOwner(slice, j + 1) : null);
      const cue = owner
        ? { form: "according" as const, speakers: [owner.id], pronoun: null, cue: phrase.join(" "), from: i, to: owner.next, role: null }
        : (speakerAfter(slice, "according", phrase.join(" "), i, j, ctx) ?? possessiveFrame(slice, i, rules, findOwner));
      if (cue) cues.push(cue);
      continue;
    }
    const framed = mayOpenPhrase ? possessiveFrame(slice, i, rules, findOwner) : null;
    if (framed) {
      cues.push(framed);
      continue;
    }

    const site = findName(slice, i);
    if (site) {
      const list = nameList(slice, site, findName, rules);
      let j = list.next;
      let role: string | null = null;
      const app = apposition(slice, j, text, rules);
      if (app?.closed) {
        role = app.role;
        j = app.next;
      }
      j = skipFillers(slice, j, rules);
      if (isSpeechVerb(slice, j, rules)) {
        const verb = slice[j]!;
        cues.push({ form: "subject", speakers: list.ids, pronoun: null, cue: verb.lower, from: i, to: j + 1, role });
      }
      i = list.next - 1;
      continue;
    }

    const subject = anaphorAt(slice, i, ctx);
    if (subject) {
      const j = skipFillers(slice, subject.next, rules);
      if (isSpeechVerb(slice, j, rules)) {
        const verb = slice[j]!;
        cues.push({ form: "subject", speakers: [], pronoun: subject.kind, cue: verb.lower, from: i, to: j + 1, role: null });
      }
      continue;
    }

    if (isSpeechVerb(slice, i, rules)) {
      const prev = slice[i - 1];
      const inverted = rules.inversionAnywhere || !prev || prev.text === "," || CLOSING_MARKS.has(prev.text) || i === from;
      if (!inverted) continue;
      const cue = speakerAfter(slice, "inverted", t.lower, i, skipFillers(slice, i + 1, rules, 2), ctx);
      if (cue) cues.push(cue);
    }
  }
  return cues;
}

/**
 * What findCues does in a stretch without a cue word, where it can find no cue: it meets the names in
 * the same order (a name, the names joined to it, then on after them), so any person it would have
 * discovered on the way is discovered all the same.
 */
function meetNames(tokens: readonly Token[], from: number, to: number, findName: NameFinder, rules: CompiledRules): void {
  for (let i = from; i < to; i++) {
    const site = findName(tokens, i);
    if (site) i = nameList(tokens, site, findName, rules).next - 1;
  }
}

function mayHoldCueIn(tokens: readonly Token[], from: number, to: number, rules: CompiledRules): boolean {
  if (rules.cueWords === null) return true;
  for (let i = from; i < to; i++) if (rules.cueWords.has(tokens[i]!.lower)) return true;
  return false;
}

/**
 * Whether findCues could find anything in the tokens: every cue needs a speech verb or all the words
 * of an according-to phrase or possessive frame. A cheap pre-check before the full search.
 */
export function mayHoldCue(tokens: readonly Token[], rules: CompiledRules): boolean {
  return mayHoldCueIn(tokens, 0, tokens.length, rules);
}

/** How far after a coordinated speech verb its "att"/"that" may come ("and told reporters that"). */
const SHARED_SUBJECT_CLAUSE = 3;

/**
 * A speech verb in a second clause that shares the sentence's subject: "X framträdde i en video och
 * sa att …", "He met the envoy and said that …". The subject opens the sentence (after an optional
 * role noun); the verb follows a coordinator directly and a reported clause follows the verb.
 */
export function sharedSubjectCue(tokens: readonly Token[], ctx: CueContext): Cue | null {
  const { rules, findName } = ctx;
  const first = tokens[0];
  if (!first) return null;
  const at = first.word && isRoleNoun(first.lower, rules) && !rules.pronouns.has(first.lower) ? 1 : 0;
  const pronoun = rules.pronouns.get(tokens[at]?.lower ?? "") ?? null;
  const site = pronoun ? null : findName(tokens, at);
  const subjectEnd = pronoun ? at + 1 : site?.next;
  if (subjectEnd === undefined) return null;
  for (let k = subjectEnd; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (SENTENCE_END.has(t.text)) return null;
    if (!rules.coordinators.has(t.lower)) continue;
    const v = skipFillers(tokens, k + 1, rules);
    if (!isSpeechVerb(tokens, v, rules)) continue;
    const opens = tokens.slice(v + 1, v + 1 + SHARED_SUBJECT_CLAUSE).some((w) => rules.complementizers.has(w.lower));
    if (!opens) continue;
    return { form: "subject", speakers: site ? [site.id] : [], pronoun, cue: tokens[v]!.lower, from: at, to: subjectEnd, role: null };
  }
  return null;
}
