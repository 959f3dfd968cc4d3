/**
 * A clearly made-up artifact set ("Analyst A" … "Analyst F", "Topic A" …) for the browser tests:
 * valid per the artifact schemas, deterministic, and sized by the caller (up to 100,000 statements).
 */
import { join } from "node:path";
import { AtomicJsonlWriter, artifactPath, Codebook, Metrics, NormalizedDocument, PeopleRegistry, RunManifest, Statement, writeJsonAtomic } from "@viewpoints/artifacts";
import { computeMetrics } from "@viewpoints/metrics";

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
  const metrics = computeMetrics(statements, {
    runId: manifest.run_id,
    codebookVersion: manifest.codebook_version,
    codebook: syntheticCodebook(),
    analysts: COMPARED,
    documents: documents.map((d) => ({
      doc_id: d.id,
      file: d.file,
      outlet: d.meta.outlet,
      title: d.meta.title,
      published: d.meta.published,
      declared_lang: d.meta.language,
      detected_lang: d.lang,
    })),
  });
  return { documents, statements, metrics, manifest };
}

/** Writes the set as pipeline artifacts into `out` and the codebook into `config`. */
export async function writeSynthetic(set: SyntheticSet, out: string, config: string): Promise<void> {
  await writeJsonAtomic(join(config, "codebook.json"), Codebook, syntheticCodebook());
  await writeJsonAtomic(join(config, "people.json"), PeopleRegistry, {
    entries: SPEAKERS.map((p) => ({ id: p.id, name: p.name, aliases: [], type: "person" as const, role: "analyst", affiliation: `Example Institute ${p.name.slice(-1)}` })),
  });
  await writeJsonAtomic(artifactPath(out, "metrics"), Metrics, set.metrics);
  await writeJsonAtomic(artifactPath(out, "runManifest"), RunManifest, set.manifest);
  const statements = new AtomicJsonlWriter(artifactPath(out, "statements"), Statement);
  for (const s of set.statements) await statements.write(s);
  await statements.commit();
  const normalized = new AtomicJsonlWriter(artifactPath(out, "normalized"), NormalizedDocument);
  for (const d of set.documents) await normalized.write(d);
  await normalized.commit();
}
