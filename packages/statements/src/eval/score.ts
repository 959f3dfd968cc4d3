import type { RegistryEntry } from "@viewpoints/artifacts";
import type { GoldRow, PredictedRow } from "./gold";
import { nameKey, normalizeForMatch } from "./normalize-text";

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  gold: GoldRow;
  /** "no statement contains the anchor", or the speakers the anchor was attributed to instead. */
  reason: string;
}

export interface FalsePositive {
  prediction: PredictedRow;
  reason: string;
}

export interface CodingDifference {
  gold: GoldRow;
  prediction: PredictedRow;
  fields: ("frame" | "themes" | "hedged" | "kind")[];
}

export interface Scores {
  attribution: Prf;
  byLang: Record<string, Prf>;
  byKind: Record<string, Prf>;
  /** Over matched statements only. */
  themes: Prf;
  matched: number;
  frameAccuracy: number;
  hedgedAccuracy: number;
  kindAccuracy: number;
  misses: Miss[];
  falsePositives: FalsePositive[];
  codingDifferences: CodingDifference[];
  /** Documents with statements but no gold row: their statements all count as false positives. */
  uncoveredDocs: string[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Precision, recall and F1 from counts; an empty denominator counts as 0. */
export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { tp, fp, fn, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}

/**
 * Resolves speaker names to one key: the registry id when the name or an alias is known
 * ("Tokajev" and "Kassym-Jomart Tokayev" both give the same id), else the name reduced by nameKey.
 */
export function speakerResolver(registry: readonly RegistryEntry[] = []): (name: string) => string {
  const ids = new Map<string, string>();
  for (const entry of registry) {
    for (const alias of [entry.id, entry.name, ...entry.aliases]) ids.set(nameKey(alias), entry.id);
  }
  return (name) => {
    const key = nameKey(name);
    return ids.get(key) ?? key;
  };
}

function sameSpeaker(resolve: (name: string) => string, gold: string, prediction: PredictedRow): boolean {
  const g = resolve(gold);
  for (const candidate of [prediction.speaker_id, prediction.speaker_name]) {
    if (!candidate) continue;
    const p = resolve(candidate);
    if (p === g) return true;
    // A bare surname on one side ("Persson") still names the same person in the same article.
    const [short, long] = p.length < g.length ? [p, g] : [g, p];
    if (!short.includes(" ") && short.length > 2 && long.endsWith(` ${short}`)) return true;
  }
  return false;
}

type Counts = Map<string, { tp: number; fp: number; fn: number }>;
const bump = (counts: Counts, key: string, field: "tp" | "fp" | "fn") => {
  const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  c[field]++;
  counts.set(key, c);
};
const toPrf = (counts: Counts): Record<string, Prf> =>
  Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, prf(c.tp, c.fp, c.fn)]));

/**
 * Scores predicted statements against gold rows. A gold row is a true positive when a statement of
 * its document contains its anchor and has its speaker; otherwise a false negative. A statement is
 * a false positive when it contains no gold anchor of its document, or only anchors of other
 * speakers. Coding (themes, frame, hedged, kind) is compared over the matched pairs.
 */
export function scoreRun(gold: readonly GoldRow[], predictions: readonly PredictedRow[], resolve = speakerResolver()): Scores {
  const byDoc = new Map<string, { prediction: PredictedRow; text: string }[]>();
  for (const prediction of predictions) {
    const list = byDoc.get(prediction.doc_id) ?? [];
    list.push({ prediction, text: normalizeForMatch(prediction.text) });
    byDoc.set(prediction.doc_id, list);
  }
  // Gold rows carry no language; a document's statements do.
  const docLang = new Map(predictions.map((p) => [p.doc_id, p.lang] as const));

  const goldDocs = new Set(gold.map((g) => g.doc_id));
  const supported = new Set<PredictedRow>();
  const anchored = new Set<PredictedRow>();
  const langCounts: Counts = new Map();
  const kindCounts: Counts = new Map();
  const misses: Miss[] = [];
  const pairs: { gold: GoldRow; prediction: PredictedRow }[] = [];
  let tp = 0;
  for (const row of gold) {
    const anchor = normalizeForMatch(row.anchor);
    const containing = (byDoc.get(row.doc_id) ?? []).filter((c) => c.text.includes(anchor)).map((c) => c.prediction);
    for (const p of containing) anchored.add(p);
    const hit = containing.find((p) => sameSpeaker(resolve, row.speaker, p));
    const lang = docLang.get(row.doc_id) ?? "unknown";
    if (hit) {
      tp++;
      supported.add(hit);
      pairs.push({ gold: row, prediction: hit });
      bump(langCounts, lang, "tp");
      bump(kindCounts, row.kind, "tp");
    } else {
      const others = [...new Set(containing.map((p) => p.speaker_name || p.speaker_id))];
      misses.push({ gold: row, reason: others.length ? `attributed to ${others.join(", ")}` : "no statement contains the anchor" });
      bump(langCounts, lang, "fn");
      bump(kindCounts, row.kind, "fn");
    }
  }
  const falsePositives: FalsePositive[] = [];
  for (const prediction of predictions) {
    if (supported.has(prediction)) continue;
    falsePositives.push({ prediction, reason: anchored.has(prediction) ? "gold gives this text to another speaker" : "contains no gold anchor" });
    bump(langCounts, prediction.lang, "fp");
    bump(kindCounts, prediction.kind, "fp");
  }

  let themeTp = 0;
  let themeFp = 0;
  let themeFn = 0;
  let frameOk = 0;
  let hedgedOk = 0;
  let kindOk = 0;
  const codingDifferences: CodingDifference[] = [];
  for (const { gold: g, prediction: p } of pairs) {
    const expected = new Set(g.themes);
    const got = new Set(p.themes);
    const common = [...got].filter((t) => expected.has(t)).length;
    themeTp += common;
    themeFp += got.size - common;
    themeFn += expected.size - common;
    const fields: CodingDifference["fields"] = [];
    if (g.frame === p.frame) frameOk++;
    else fields.push("frame");
    if (common !== expected.size || common !== got.size) fields.push("themes");
    if (g.hedged === p.hedged) hedgedOk++;
    else fields.push("hedged");
    if (g.kind === p.kind) kindOk++;
    else fields.push("kind");
    if (fields.length) codingDifferences.push({ gold: g, prediction: p, fields });
  }

  return {
    attribution: prf(tp, falsePositives.length, misses.length),
    byLang: toPrf(langCounts),
    byKind: toPrf(kindCounts),
    themes: prf(themeTp, themeFp, themeFn),
    matched: pairs.length,
    frameAccuracy: ratio(frameOk, pairs.length),
    hedgedAccuracy: ratio(hedgedOk, pairs.length),
    kindAccuracy: ratio(kindOk, pairs.length),
    misses,
    falsePositives,
    codingDifferences,
    uncoveredDocs: [...byDoc.keys()].filter((doc) => !goldDocs.has(doc)).sort(),
  };
}
