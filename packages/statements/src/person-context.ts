import { memoizeWord } from "./memo";
import { endsWithAny, isRoleNoun, type CompiledRules } from "./rules";
import { endsWithGenitive, isCapitalized, type Token } from "./tokens";

/** A name with an unknown first name has two or three parts ("Leila Karimova", "Ana de Souza" aside). */
const MIN_PARTS = 2;
const MAX_PARTS = 3;
/** Auxiliaries and adverbs allowed between such a name and its speech verb. */
const MAX_FILLERS = 3;
/** Words of an apposition searched for a role noun (", a lecturer in …", ", statsvetare vid …"). */
const APPOSITION_WINDOW = 4;
/** Tokens an apposition between a name and its speech verb may span. */
const MAX_APPOSITION = 40;
const SENTENCE_END = new Set([".", "!", "?", ";"]);

function isFunctionWord(lower: string, rules: CompiledRules): boolean {
  return (
    rules.blockers.has(lower) ||
    rules.articles.has(lower) ||
    rules.pronouns.has(lower) ||
    rules.coordinators.has(lower) ||
    rules.demonstratives.has(lower) ||
    rules.auxiliaries.has(lower) ||
    rules.adverbs.has(lower) ||
    rules.complementizers.has(lower) ||
    rules.relativePronouns.has(lower) ||
    rules.copulas.has(lower) ||
    rules.speechVerbs.has(lower)
  );
}

/** Whether a lower-case word may be part of a name: no function word, role, title or organisation word. */
function nameWordTest(rules: CompiledRules): (lower: string) => boolean {
  return memoizeWord((lower) => {
    if (rules.nonPersonWords.has(lower) || endsWithAny(lower, rules.nonPersonEndings)) return false;
    return !isFunctionWord(lower, rules) && !isRoleNoun(lower, rules) && !rules.accordingTo.some((p) => p[0] === lower);
  });
}
const nameWordTests = new WeakMap<CompiledRules, (lower: string) => boolean>();
let lastRules: CompiledRules | null = null;
let lastTest: (lower: string) => boolean = () => false;

/** A part of a person's name: a capitalised word that is no function word, role, title or organisation word. */
function isNamePart(t: Token | undefined, rules: CompiledRules): boolean {
  if (!t?.word || !isCapitalized(t) || t.text.length < 2 || endsWithGenitive(t.text)) return false;
  // Asked for every capitalised token of a document in one language: remember the last rules' test.
  if (rules !== lastRules) {
    let test = nameWordTests.get(rules);
    if (!test) nameWordTests.set(rules, (test = nameWordTest(rules)));
    lastRules = rules;
    lastTest = test;
  }
  return lastTest(t.lower);
}

function endsPhraseAt(tokens: readonly Token[], i: number, phrase: readonly string[]): boolean {
  return phrase.every((w, k) => tokens[i - phrase.length + k]?.lower === w);
}

/** The token before the name introduces a person: a speech verb ("menar X"), "enligt"/"according to", or a role ("sociologen X"). */
function personBefore(tokens: readonly Token[], i: number, rules: CompiledRules): boolean {
  const prev = tokens[i - 1];
  if (!prev?.word) return false;
  return rules.speechVerbs.has(prev.lower) || isRoleNoun(prev.lower, rules) || rules.accordingTo.some((p) => endsPhraseAt(tokens, i, p));
}

/** The tokens after the name make it a speaker or give it a role: "X (har) säger", "X, statsvetare vid …". */
function personAfterVerb(tokens: readonly Token[], j: number, rules: CompiledRules): boolean {
  let k = j;
  while (k < tokens.length && k - j < MAX_FILLERS && (rules.auxiliaries.has(tokens[k]!.lower) || rules.adverbs.has(tokens[k]!.lower))) k += 1;
  const verb = tokens[k];
  return verb !== undefined && rules.speechVerbs.has(verb.lower) && !rules.nonSpeechParticles.has(tokens[k + 1]?.lower ?? "");
}

function personAfter(tokens: readonly Token[], j: number, rules: CompiledRules): boolean {
  if (personAfterVerb(tokens, j, rules)) return true;
  if (tokens[j]?.text !== ",") return false;
  for (let a = j + 1; a < tokens.length && a <= j + APPOSITION_WINDOW; a++) {
    const t = tokens[a]!;
    if (!t.word) break;
    if (isRoleNoun(t.lower, rules)) return true;
    if (isCapitalized(t) && a > j + 1) break;
  }
  // ", who teaches at …, argued": an apposition of any kind closed by a comma, then the speech verb.
  for (let a = j + 1; a < tokens.length && a - j <= MAX_APPOSITION; a++) {
    const t = tokens[a]!;
    if (SENTENCE_END.has(t.text)) return false;
    if (t.text === ",") return personAfterVerb(tokens, a + 1, rules);
  }
  return false;
}

/**
 * The end of a person's name at token `i` that no first-name list knows, judged by context: two or
 * three capitalised words next to a speech verb, after "enligt"/"according to" or a role noun, or
 * before a role apposition. Returns the token after the name, or null.
 */
export function nameInPersonContext(tokens: readonly Token[], i: number, rules: CompiledRules): number | null {
  if (!isNamePart(tokens[i], rules)) return null;
  const prev = tokens[i - 1];
  // A name starts where a run of name parts starts ("Secretary of State X Y": after "State", a non-person word).
  if (isNamePart(prev, rules)) return null;
  let j = i + 1;
  while (j < tokens.length && j - i < MAX_PARTS && isNamePart(tokens[j], rules)) j += 1;
  const after = tokens[j];
  if (j - i < MIN_PARTS || (after?.word && isCapitalized(after))) return null;
  return personBefore(tokens, i, rules) || personAfter(tokens, j, rules) ? j : null;
}
