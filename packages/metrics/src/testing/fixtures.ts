import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Codebook, Document, PeopleRegistry, Statement } from "@viewpoints/artifacts";
import type { DocumentInfo, MetricsContext } from "../compute";

/** A made-up codebook: the metrics must work for any theme ids, not only the project's ten. */
export const FIXTURE_CODEBOOK: Codebook = {
  frames: [
    { id: "risk", label: { en: "Risk", sv: "Risk" }, description: "", cues: { en: [], sv: [] } },
    { id: "consequence", label: { en: "Consequence", sv: "Följd" }, description: "", cues: { en: [], sv: [] } },
    { id: "assessment", label: { en: "Assessment", sv: "Bedömning" }, description: "", cues: { en: [], sv: [] } },
  ],
  themes: [
    { id: "harbour-tolls", label: { en: "Harbour tolls", sv: "Hamnavgifter" }, description: "", cues: { en: [], sv: [] } },
    { id: "lighthouse-funding", label: { en: "Lighthouse funding", sv: "Fyrfinansiering" }, description: "", cues: { en: [], sv: [] } },
    { id: "ferry-schedules", label: { en: "Ferry schedules", sv: "Färjetider" }, description: "", cues: { en: [], sv: [] } },
    { id: "fishing-quotas", label: { en: "Fishing quotas", sv: "Fiskekvoter" }, description: "", cues: { en: [], sv: [] } },
  ],
  hedges: { en: ["might"], sv: ["kanske"] },
};

/** Five invented analysts; "eve-silent" never speaks, "dan-sparse" says too little for firm figures. */
export const FIXTURE_ANALYSTS = ["ada-fictive", "bo-imaginary", "cy-madeup", "dan-sparse", "eve-silent"];
const OTHERS = ["official-one", "expert-two", "minister-three"];

export const FIXTURE_PEOPLE: PeopleRegistry = {
  entries: [{ id: "eve-silent", name: "Eve Silent", aliases: [], type: "person", role: "invented researcher", affiliation: null }],
};

export const FIXTURE_DOCUMENTS: DocumentInfo[] = [
  { doc_id: "doc-a", file: "doc-a.txt", outlet: "The Example Times", title: "Tolls rise", published: "2022-01-10", declared_lang: "en", detected_lang: "en" },
  { doc_id: "doc-b", file: "doc-b.txt", outlet: "Påhittad Tidning", title: "Fyrar", published: "2022-01-11", declared_lang: null, detected_lang: "sv" },
  { doc_id: "doc-c", file: "doc-c.md", outlet: null, title: null, published: null, declared_lang: "sv", detected_lang: "sv" },
  { doc_id: "doc-d", file: "doc-d.html", outlet: "Nowhere Weekly", title: "No quotes here", published: null, declared_lang: null, detected_lang: "en" },
];

/** Deterministic pseudo-random numbers, so the fixture is varied but identical on every run. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const WORDS = ["the", "harbour", "toll", "might", "rise", "färjan", "kanske", "går", "–", "\"", "quota", "lighthouse", "42", "åtta"];

/** Synthetic statements: varied speakers, documents, kinds, frames, themes, hedging and languages. */
export function fixtureStatements(count = 80, seed = 7): Statement[] {
  const rand = lcg(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const speakers = ["ada-fictive", "ada-fictive", "bo-imaginary", "bo-imaginary", "cy-madeup", "cy-madeup", ...OTHERS];
  const out: Statement[] = [];
  for (let i = 0; i < count; i += 1) {
    // dan-sparse gets exactly three statements, below the low_n threshold.
    const speaker = i % 27 === 5 ? "dan-sparse" : pick(speakers);
    const doc = pick(["doc-a", "doc-b", "doc-c"]);
    const lang = doc === "doc-a" ? "en" : rand() < 0.85 ? "sv" : "en";
    const themes = FIXTURE_CODEBOOK.themes.map((t) => t.id).filter(() => rand() < 0.35);
    const text = Array.from({ length: 3 + Math.floor(rand() * 12) }, () => pick(WORDS)).join(" ");
    out.push({
      statement_id: `s${String(i).padStart(3, "0")}`,
      doc_id: doc,
      speaker_id: speaker,
      speaker_name: speaker.split("-").map((p) => p[0]!.toUpperCase() + p.slice(1)).join(" "),
      speaker_role: speaker.startsWith("official") ? "spokesperson" : i % 4 === 0 ? "" : "analyst",
      kind: pick(["quote", "reported", "authored"] as const),
      frame: pick(["risk", "consequence", "assessment"] as const),
      themes,
      hedged: rand() < 0.4,
      confidence: 0.8,
      cue: "says",
      lang,
      start: i * 10,
      end: i * 10 + text.length,
      text,
    });
  }
  return out;
}

export function fixtureContext(overrides: Partial<MetricsContext> = {}): MetricsContext {
  return {
    runId: "20220101T000000Z-abcdef",
    codebookVersion: "0123456789ab",
    codebook: FIXTURE_CODEBOOK,
    analysts: FIXTURE_ANALYSTS,
    people: FIXTURE_PEOPLE,
    documents: FIXTURE_DOCUMENTS,
    ...overrides,
  };
}

function asDocument(info: DocumentInfo, index: number): Document {
  return {
    id: info.doc_id,
    file: info.file,
    format: info.file.endsWith(".md") ? "md" : info.file.endsWith(".html") ? "html" : "txt",
    hash: String(index).repeat(64).slice(0, 64),
    encoding: "utf-8",
    bytes: 10,
    meta: { outlet: info.outlet, title: info.title, published: info.published, url: null, language: info.declared_lang, authors: [] },
    text: "Invented text.",
  };
}

const jsonl = (records: readonly unknown[]): string => records.map((r) => `${JSON.stringify(r)}\n`).join("");

/** Lays out `root` (an empty temp folder) like data/: out/ with documents.jsonl and statements.jsonl, and the config files. */
export async function writeFixtureRun(root: string, statements: readonly Statement[] = fixtureStatements()): Promise<{ root: string; out: string; codebook: string; analysts: string; people: string }> {
  const out = join(root, "out");
  await mkdir(out, { recursive: true });
  await writeFile(join(out, "documents.jsonl"), jsonl(FIXTURE_DOCUMENTS.map(asDocument)));
  await writeFile(join(out, "statements.jsonl"), jsonl(statements));
  const files = { codebook: join(root, "codebook.json"), analysts: join(root, "analysts.json"), people: join(root, "people.json") };
  await writeFile(files.codebook, JSON.stringify(FIXTURE_CODEBOOK, null, 2));
  await writeFile(files.analysts, JSON.stringify({ analysts: FIXTURE_ANALYSTS }));
  await writeFile(files.people, JSON.stringify(FIXTURE_PEOPLE));
  return { root, out, ...files };
}
