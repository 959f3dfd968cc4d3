import {
  FrameId,
  LOW_N_THRESHOLD,
  SIMILARITY_TOP_SPEAKERS,
  type Codebook,
  type LanguageRow,
  type Metrics,
  type PeopleRegistry,
  type SourceRowMetrics,
  type SpeakerFrameRow,
  type SpeakerRow,
  type SpeakerThemeRow,
  type Statement,
  type ThemeAgreementRow,
} from "@viewpoints/artifacts";
import { agreementVerdict, rankAgreement } from "./agreement";
import { similarityRows } from "./similarity";
import { countWords } from "./words";

const FRAMES = FrameId.options;

/** What the metrics need of one document (from documents.jsonl, optionally normalized.jsonl). */
export interface DocumentInfo {
  doc_id: string;
  file: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  /** Language declared by the manifest or front matter. */
  declared_lang: "sv" | "en" | null;
  /** Language the normalizer detected, when normalized.jsonl was read. */
  detected_lang: string | null;
}

/** What counting statements needs: the codebook, the compared analysts and the registry. */
export interface TallyContext {
  codebook: Pick<Codebook, "themes" | "frames">;
  /** Ids of the compared analysts, in display order. */
  analysts: readonly string[];
  people?: PeopleRegistry | null;
  lowNThreshold?: number;
}

/** What the tables need besides the counts: the run and its documents (which a pipeline commits only after the statements stream by). */
export interface RunContext {
  runId: string;
  codebookVersion: string;
  documents: readonly DocumentInfo[];
}

export type MetricsContext = TallyContext & RunContext;

interface SpeakerTally {
  id: string;
  names: Map<string, number>;
  roles: Map<string, number>;
  ids: string[];
  docs: Set<string>;
  words: number;
  hedged: number;
  langs: Set<string>;
  frameIds: string[][];
  themeIds: string[][];
}

interface DocTally {
  statements: number;
  speakers: Set<string>;
  langs: Map<string, number>;
}

interface LangTally {
  statements: number;
  speakers: Set<string>;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The most frequent key; ties go to the first seen, so results do not depend on hash order. */
function mostFrequent(map: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [key, n] of map) {
    if (n > bestCount) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}

/** The most frequent role; a tie goes to the longer, more informative one ("analytiker, FOI" over "analytiker"). */
function mostInformative(map: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [key, n] of map) {
    if (n > bestCount || (n === bestCount && key.length > best!.length)) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}

/** The registry's "role, affiliation", written like the statements' speaker_role. */
function registeredRole(entry: { role: string | null; affiliation: string | null } | undefined): string {
  if (!entry?.role) return "";
  return entry.affiliation ? `${entry.role}, ${entry.affiliation}` : entry.role;
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/**
 * Aggregates statements one at a time into counts and statement ids, then builds every metrics table.
 * Holds no statement beyond its id, so a corpus of any size streams through.
 */
export class MetricsAccumulator {
  readonly warnings: string[] = [];
  private readonly ctx: TallyContext;
  private readonly themeIndex: Map<string, number>;
  private readonly speakers = new Map<string, SpeakerTally>();
  private readonly docs = new Map<string, DocTally>();
  private readonly langs = new Map<string, LangTally>();
  private readonly unknownThemes = new Map<string, number>();
  private readonly registry: Map<string, { name: string; role: string | null; affiliation: string | null }>;
  private total = 0;

  constructor(ctx: TallyContext) {
    this.ctx = ctx;
    this.themeIndex = new Map(ctx.codebook.themes.map((t, i) => [t.id, i]));
    this.registry = new Map((ctx.people?.entries ?? []).map((e) => [e.id, e]));
    for (const id of ctx.analysts) this.speaker(id);
  }

  get statements(): number {
    return this.total;
  }

  add(s: Statement): void {
    this.total += 1;
    const sp = this.speaker(s.speaker_id);
    bump(sp.names, s.speaker_name);
    if (s.speaker_role.trim() !== "") bump(sp.roles, s.speaker_role);
    sp.ids.push(s.statement_id);
    sp.docs.add(s.doc_id);
    sp.langs.add(s.lang);
    if (s.kind === "quote") sp.words += countWords(s.text);
    if (s.hedged) sp.hedged += 1;
    sp.frameIds[FRAMES.indexOf(s.frame)]!.push(s.statement_id);
    for (let i = 0; i < s.themes.length; i += 1) {
      const theme = s.themes[i]!;
      // A statement listing a theme twice still counts once for it (checked without a Set per statement).
      if (s.themes.indexOf(theme) < i) continue;
      const t = this.themeIndex.get(theme);
      if (t === undefined) bump(this.unknownThemes, theme);
      else sp.themeIds[t]!.push(s.statement_id);
    }

    let doc = this.docs.get(s.doc_id);
    if (!doc) {
      doc = { statements: 0, speakers: new Set(), langs: new Map() };
      this.docs.set(s.doc_id, doc);
    }
    doc.statements += 1;
    doc.speakers.add(s.speaker_id);
    if (s.lang !== "unknown") bump(doc.langs, s.lang);

    let lang = this.langs.get(s.lang);
    if (!lang) {
      lang = { statements: 0, speakers: new Set() };
      this.langs.set(s.lang, lang);
    }
    lang.statements += 1;
    lang.speakers.add(s.speaker_id);
  }

  /** Builds every table; `run.documents` also names the statements' documents it lacks (a warning). */
  result(run: RunContext): Metrics {
    const lowN = this.ctx.lowNThreshold ?? LOW_N_THRESHOLD;
    const themes = this.ctx.codebook.themes;
    const compared = new Set(this.ctx.analysts);
    const ordered = this.orderedSpeakers();
    const known = new Set(run.documents.map((d) => d.doc_id));
    const unknownDocs = [...this.docs.keys()].filter((id) => !known.has(id)).sort();
    this.collectWarnings(unknownDocs);

    const speakers: SpeakerRow[] = ordered.map((sp) => this.speakerRow(sp, compared.has(sp.id), lowN));
    const speaker_theme: SpeakerThemeRow[] = ordered.flatMap((sp) =>
      themes.map((theme, t) => {
        const ids = sp.themeIds[t]!;
        return { speaker_id: sp.id, theme_id: theme.id, count: ids.length, share: share(ids.length, sp.ids.length), low_n: sp.ids.length < lowN, statement_ids: ids };
      }),
    );
    const speaker_frame: SpeakerFrameRow[] = ordered.flatMap((sp) =>
      FRAMES.map((frame, f) => {
        const ids = sp.frameIds[f]!;
        return { speaker_id: sp.id, frame, count: ids.length, share: share(ids.length, sp.ids.length), low_n: sp.ids.length < lowN, statement_ids: ids };
      }),
    );
    // Every pair of thousands of speakers would dwarf the rest; the analysts and the most frequent speakers are compared.
    const profiles = ordered.slice(0, this.ctx.analysts.length + SIMILARITY_TOP_SPEAKERS).map((sp) => ({ speakerId: sp.id, statements: sp.ids.length, counts: sp.themeIds.map((ids) => ids.length) }));
    const analystTallies = this.ctx.analysts.map((id) => this.speakers.get(id)!);
    const theme_agreement: ThemeAgreementRow[] = rankAgreement(
      themes.map((theme, t) => ({
        theme_id: theme.id,
        ...agreementVerdict(analystTallies.map((a) => ({ statements: a.ids.length, withTheme: a.themeIds[t]!.length }))),
        statement_ids: analystTallies.flatMap((a) => a.themeIds[t]!),
      })),
    );
    const sources = this.sourceRows(run.documents, unknownDocs);
    return {
      run_id: run.runId,
      codebook_version: run.codebookVersion,
      low_n_threshold: lowN,
      compared: [...this.ctx.analysts],
      speakers,
      speaker_theme,
      speaker_frame,
      similarity: similarityRows(profiles, themes.map((t) => t.id), lowN),
      theme_agreement,
      sources,
      languages: this.languageRows(sources),
      theme_labels: themes.map((t) => ({ id: t.id, en: t.label.en, sv: t.label.sv })),
      frame_labels: FRAMES.map((id) => {
        const frame = this.ctx.codebook.frames.find((f) => f.id === id);
        return { id, en: frame?.label.en ?? id, sv: frame?.label.sv ?? id };
      }),
    };
  }

  private speaker(id: string): SpeakerTally {
    let sp = this.speakers.get(id);
    if (!sp) {
      sp = {
        id,
        names: new Map(),
        roles: new Map(),
        ids: [],
        docs: new Set(),
        words: 0,
        hedged: 0,
        langs: new Set(),
        frameIds: FRAMES.map(() => []),
        themeIds: this.ctx.codebook.themes.map(() => []),
      };
      this.speakers.set(id, sp);
    }
    return sp;
  }

  /** Compared analysts first in their listed order, then everyone else by statements (most first), then id. */
  private orderedSpeakers(): SpeakerTally[] {
    const compared = new Set(this.ctx.analysts);
    const others = [...this.speakers.values()]
      .filter((sp) => !compared.has(sp.id))
      .sort((a, b) => b.ids.length - a.ids.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return [...this.ctx.analysts.map((id) => this.speakers.get(id)!), ...others];
  }

  private speakerRow(sp: SpeakerTally, isCompared: boolean, lowN: number): SpeakerRow {
    const registered = this.registry.get(sp.id);
    const n = sp.ids.length;
    return {
      speaker_id: sp.id,
      speaker_name: registered?.name ?? mostFrequent(sp.names) ?? sp.id,
      speaker_role: mostInformative(sp.roles) ?? registeredRole(registered),
      compared: isCompared,
      statements: n,
      documents: sp.docs.size,
      words_quoted: sp.words,
      share_risk: share(sp.frameIds[0]!.length, n),
      share_consequence: share(sp.frameIds[1]!.length, n),
      share_assessment: share(sp.frameIds[2]!.length, n),
      share_hedged: share(sp.hedged, n),
      languages: [...sp.langs].sort(),
      sources: [...sp.docs].sort(),
      low_n: n < lowN,
      statement_ids: sp.ids,
    };
  }

  /** A document's language: the majority language of its statements, else the declared one, else the detected one. */
  private docLang(doc: DocumentInfo | undefined, tally: DocTally | undefined): string {
    const fromStatements = tally ? mostFrequent(tally.langs) : undefined;
    return fromStatements ?? doc?.declared_lang ?? (doc?.detected_lang && doc.detected_lang !== "unknown" ? doc.detected_lang : null) ?? "unknown";
  }

  private sourceRows(documents: readonly DocumentInfo[], unknownDocs: readonly string[]): SourceRowMetrics[] {
    const known = documents.map((doc) => ({ doc, id: doc.doc_id }));
    const unknown = unknownDocs.map((id) => ({ doc: undefined, id }));
    return [...known, ...unknown].map(({ doc, id }) => {
      const tally = this.docs.get(id);
      return {
        doc_id: id,
        file: doc?.file ?? id,
        outlet: doc?.outlet ?? null,
        title: doc?.title ?? null,
        published: doc?.published ?? null,
        lang: this.docLang(doc, tally),
        statements: tally?.statements ?? 0,
        speakers: tally?.speakers.size ?? 0,
        speaker_ids: tally ? [...tally.speakers].sort() : [],
      };
    });
  }

  /** Documents count by document language; statements and speakers by the language of the statement itself. */
  private languageRows(sources: readonly SourceRowMetrics[]): LanguageRow[] {
    const docsPerLang = new Map<string, number>();
    for (const s of sources) bump(docsPerLang, s.lang);
    const langs = [...new Set([...docsPerLang.keys(), ...this.langs.keys()])].sort();
    return langs.map((lang) => ({
      lang,
      documents: docsPerLang.get(lang) ?? 0,
      statements: this.langs.get(lang)?.statements ?? 0,
      speakers: this.langs.get(lang)?.speakers.size ?? 0,
    }));
  }

  private collectWarnings(unknownDocs: readonly string[]): void {
    this.warnings.length = 0;
    for (const [theme, n] of this.unknownThemes) {
      this.warnings.push(`theme "${theme}" on ${n} statement(s) is not in the codebook; it was not counted (re-run \`pnpm statements\` after editing the codebook)`);
    }
    if (unknownDocs.length > 0) {
      this.warnings.push(`statements refer to ${unknownDocs.length} document(s) missing from documents.jsonl: ${unknownDocs.slice(0, 5).join(", ")}`);
    }
  }
}

/** Computes every metrics table from statements (any iterable) and the run's context. Pure. */
export function computeMetrics(statements: Iterable<Statement>, ctx: MetricsContext): Metrics {
  const acc = new MetricsAccumulator(ctx);
  for (const s of statements) acc.add(s);
  return acc.result(ctx);
}
