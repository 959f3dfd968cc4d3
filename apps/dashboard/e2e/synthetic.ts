/**
 * A clearly made-up artifact set ("Analyst A" … "Analyst F", "Topic A" …) for the browser tests:
 * valid per the artifact schemas, deterministic, and sized by the caller (up to 100,000 statements).
 */
import { join } from "node:path";
import {
  AtomicJsonlWriter,
  artifactPath,
  Codebook,
  LOW_N_THRESHOLD,
  Metrics,
  NormalizedDocument,
  RunManifest,
  Statement,
  writeJsonAtomic,
  type SpeakerRow,
} from "@viewpoints/artifacts";

export const SPEAKERS = ["A", "B", "C", "D", "E", "F"].map((letter) => ({
  id: `analyst-${letter.toLowerCase()}`,
  name: `Analyst ${letter}`,
  role: `Made-up analyst ${letter}, Example Institute`,
}));
/** Analysts A–E are compared; F is another speaker. E speaks rarely, so its figures are low n. */
export const COMPARED = SPEAKERS.slice(0, 5).map((s) => s.id);
// Labels as long as real codebook labels, so wrapping is exercised.
export const THEMES = ["A", "B", "C", "D", "E", "F"].map((letter) => ({
  id: `topic-${letter.toLowerCase()}`,
  en: `Topic ${letter}: a made-up theme and its standing`,
  sv: `Ämne ${letter}: ett påhittat tema och dess ställning`,
}));
const FRAMES = [
  { id: "risk", en: "Risk", sv: "Risk" },
  { id: "consequence", en: "Consequence", sv: "Konsekvens" },
  { id: "assessment", en: "Assessment", sv: "Bedömning" },
] as const;
const KINDS = ["quote", "reported", "authored"] as const;

/** mulberry32: a tiny seeded PRNG so every run writes the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticCodebook(): Codebook {
  return {
    frames: FRAMES.map((f) => ({ id: f.id, label: { en: f.en, sv: f.sv }, description: `Made-up frame ${f.en}`, cues: { en: [], sv: [] } })),
    themes: THEMES.map((t) => ({ id: t.id, label: { en: t.en, sv: t.sv }, description: `Made-up ${t.en}`, cues: { en: [], sv: [] } })),
    hedges: { en: ["might"], sv: ["kanske"] },
  };
}

export interface SyntheticSet {
  documents: NormalizedDocument[];
  statements: Statement[];
  metrics: Metrics;
  manifest: RunManifest;
}

/** Speaker weights: E is rare (below the low-n threshold in the default set). */
function pickSpeaker(r: number, total: number): (typeof SPEAKERS)[number] {
  const rareShare = total <= 200 ? 2 / total : 0.005;
  if (r < rareShare) return SPEAKERS[4]!;
  const others = [0, 1, 2, 3, 5];
  return SPEAKERS[others[Math.floor(((r - rareShare) / (1 - rareShare)) * others.length)] ?? 0]!;
}

export function generateSynthetic(statementCount = 120, docCount = 8): SyntheticSet {
  const rand = random(42);
  const perDoc = Math.ceil(statementCount / docCount);
  const documents: NormalizedDocument[] = [];
  const statements: Statement[] = [];
  for (let d = 0; d < docCount; d++) {
    const lang = d % 2 === 0 ? "en" : "sv";
    const id = `doc-${String(d + 1).padStart(2, "0")}`;
    const title = `Made-up article ${d + 1}`;
    let text = `${title}\n\n`;
    const paragraphs: NormalizedDocument["paragraphs"] = [{ start: 0, end: title.length, lang, kind: "title", dashQuote: false }];
    const sentences: NormalizedDocument["sentences"] = [];
    const persons = new Map<string, NormalizedDocument["persons"][number]>();
    const n = Math.min(perDoc, statementCount - statements.length);
    for (let i = 0; i < n; i++) {
      const speaker = pickSpeaker(rand(), statementCount);
      persons.set(speaker.id, { id: speaker.id, name: speaker.name, role: speaker.role, affiliation: "Example Institute", registered: true });
      const themeCount = Math.floor(rand() * 3);
      const themes = [...new Set(Array.from({ length: themeCount }, () => THEMES[Math.floor(rand() * THEMES.length)]!.id))];
      const frame = FRAMES[Math.floor(rand() * 3)]!.id;
      const hedged = rand() < 0.3;
      const number = statements.length + 1;
      const sentence =
        lang === "en"
          ? `${speaker.name} says that sample point ${number} ${hedged ? "might" : "will"} matter for ${themes.length ? themes.join(" and ") : "nothing in particular"}.`
          : `${speaker.name} säger att exempelpunkt ${number} ${hedged ? "kanske" : "kommer att"} spela roll för ${themes.length ? themes.join(" och ") : "inget särskilt"}.`;
      const start = text.length;
      text += sentence;
      const end = text.length;
      paragraphs.push({ start, end, lang, kind: "body", dashQuote: false });
      sentences.push({ start, end, paragraph: paragraphs.length - 1 });
      text += "\n\n";
      statements.push({
        statement_id: `${id}-s${String(i + 1).padStart(4, "0")}`,
        doc_id: id,
        speaker_id: speaker.id,
        speaker_name: speaker.name,
        speaker_role: speaker.role,
        kind: KINDS[Math.floor(rand() * 3)]!,
        frame,
        themes,
        hedged,
        confidence: 0.9,
        cue: lang === "en" ? "says" : "säger",
        lang,
        start,
        end,
        text: sentence,
      });
    }
    documents.push({
      id,
      file: `${id}.txt`,
      hash: "0".repeat(64),
      meta: { outlet: `Example Outlet ${(d % 3) + 1}`, title, published: new Date(Date.UTC(2030, 0, 1 + d)).toISOString().slice(0, 10), url: null, language: lang, authors: [] },
      lang,
      text: text.trimEnd(),
      paragraphs,
      sentences,
      persons: [...persons.values()],
      mentions: [],
      removed: [],
    });
  }
  const manifest: RunManifest = {
    run_id: "synthetic-run",
    created_at: "2030-02-01T00:00:00.000Z",
    package_version: "0.0.0-synthetic",
    codebook_version: "synthetic000",
    inputs: documents.map((d) => ({ file: d.file, hash: d.hash })),
  };
  return { documents, statements, metrics: computeMetrics(documents, statements), manifest };
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function cosine(a: number[], b: number[]): number | null {
  const dot = a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);
  const na = Math.hypot(...a);
  const nb = Math.hypot(...b);
  return na === 0 || nb === 0 ? null : Math.min(1, dot / (na * nb));
}

/** Straightforward metrics over the synthetic statements (test input, not the real metrics stage). */
function computeMetrics(documents: NormalizedDocument[], statements: Statement[]): Metrics {
  const bySpeaker = new Map<string, Statement[]>();
  for (const s of statements) {
    const list = bySpeaker.get(s.speaker_id);
    if (list) list.push(s);
    else bySpeaker.set(s.speaker_id, [s]);
  }
  const lowN = (n: number) => n < LOW_N_THRESHOLD;
  const speakers: SpeakerRow[] = SPEAKERS.filter((p) => bySpeaker.has(p.id)).map((p) => {
    const own = bySpeaker.get(p.id)!;
    const frameShare = (f: string) => share(own.filter((s) => s.frame === f).length, own.length);
    return {
      speaker_id: p.id,
      speaker_name: p.name,
      speaker_role: p.role,
      compared: COMPARED.includes(p.id),
      statements: own.length,
      documents: new Set(own.map((s) => s.doc_id)).size,
      words_quoted: own.reduce((sum, s) => sum + s.text.split(" ").length, 0),
      share_risk: frameShare("risk"),
      share_consequence: frameShare("consequence"),
      share_assessment: frameShare("assessment"),
      share_hedged: share(own.filter((s) => s.hedged).length, own.length),
      languages: [...new Set(own.map((s) => s.lang))].sort(),
      sources: [...new Set(own.map((s) => s.doc_id))].sort(),
      low_n: lowN(own.length),
      statement_ids: own.map((s) => s.statement_id),
    };
  });
  const speakerTheme = speakers.flatMap((sp) =>
    THEMES.flatMap((t) => {
      const ids = bySpeaker.get(sp.speaker_id)!.filter((s) => s.themes.includes(t.id)).map((s) => s.statement_id);
      return ids.length ? [{ speaker_id: sp.speaker_id, theme_id: t.id, count: ids.length, share: share(ids.length, sp.statements), low_n: lowN(ids.length), statement_ids: ids }] : [];
    }),
  );
  const speakerFrame = speakers.flatMap((sp) =>
    FRAMES.map((f) => {
      const ids = bySpeaker.get(sp.speaker_id)!.filter((s) => s.frame === f.id).map((s) => s.statement_id);
      return { speaker_id: sp.speaker_id, frame: f.id, count: ids.length, share: share(ids.length, sp.statements), low_n: lowN(ids.length), statement_ids: ids };
    }),
  );
  const vector = (id: string) => THEMES.map((t) => speakerTheme.find((r) => r.speaker_id === id && r.theme_id === t.id)?.count ?? 0);
  const similarity = COMPARED.flatMap((a, i) =>
    COMPARED.slice(i + 1).map((b) => {
      const va = vector(a);
      const vb = vector(b);
      const pick = (test: (x: number, y: number) => boolean) => THEMES.filter((_, k) => test(va[k]!, vb[k]!)).map((t) => t.id);
      return {
        speaker_a: a,
        speaker_b: b,
        cosine: cosine(va, vb),
        themes_both: pick((x, y) => x > 0 && y > 0),
        themes_a_only: pick((x, y) => x > 0 && y === 0),
        themes_b_only: pick((x, y) => x === 0 && y > 0),
        themes_neither: pick((x, y) => x === 0 && y === 0),
        low_n: lowN(Math.min(bySpeaker.get(a)?.length ?? 0, bySpeaker.get(b)?.length ?? 0)),
      };
    }),
  );
  const themeAgreement = THEMES.map((t) => {
    const rows = speakerTheme.filter((r) => r.theme_id === t.id && COMPARED.includes(r.speaker_id));
    const shares = COMPARED.map((id) => rows.find((r) => r.speaker_id === id)?.share ?? 0);
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    const spread = Math.sqrt(shares.reduce((sum, v) => sum + (v - mean) ** 2, 0) / shares.length);
    return {
      theme_id: t.id,
      analysts_addressing: rows.length,
      analysts_total: COMPARED.length,
      share_spread: spread,
      verdict: rows.length >= 4 && spread < 0.1 ? ("agree" as const) : spread >= 0.1 ? ("differ" as const) : ("neutral" as const),
      statement_ids: rows.flatMap((r) => r.statement_ids),
    };
  });
  const sources = documents.map((d) => {
    const own = statements.filter((s) => s.doc_id === d.id);
    const ids = [...new Set(own.map((s) => s.speaker_id))];
    return { doc_id: d.id, file: d.file, outlet: d.meta.outlet, title: d.meta.title, published: d.meta.published, lang: d.lang, statements: own.length, speakers: ids.length, speaker_ids: ids };
  });
  const languages = ["en", "sv"].map((lang) => {
    const own = statements.filter((s) => s.lang === lang);
    return { lang, documents: documents.filter((d) => d.lang === lang).length, statements: own.length, speakers: new Set(own.map((s) => s.speaker_id)).size };
  });
  return {
    run_id: "synthetic-run",
    codebook_version: "synthetic000",
    low_n_threshold: LOW_N_THRESHOLD,
    compared: COMPARED,
    speakers,
    speaker_theme: speakerTheme,
    speaker_frame: speakerFrame,
    similarity,
    theme_agreement: themeAgreement,
    sources,
    languages,
  };
}

/** Writes the set as pipeline artifacts into `out` and the codebook into `config`. */
export async function writeSynthetic(set: SyntheticSet, out: string, config: string): Promise<void> {
  await writeJsonAtomic(join(config, "codebook.json"), Codebook, syntheticCodebook());
  await writeJsonAtomic(artifactPath(out, "metrics"), Metrics, set.metrics);
  await writeJsonAtomic(artifactPath(out, "runManifest"), RunManifest, set.manifest);
  const statements = new AtomicJsonlWriter(artifactPath(out, "statements"), Statement);
  for (const s of set.statements) await statements.write(s);
  await statements.commit();
  const normalized = new AtomicJsonlWriter(artifactPath(out, "normalized"), NormalizedDocument);
  for (const d of set.documents) await normalized.write(d);
  await normalized.commit();
}
