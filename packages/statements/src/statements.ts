import type { NormalizedDocument, RegistryEntry, Statement } from "@viewpoints/artifacts";
import { attributeDocument } from "./attribute";
import { type Coder, type Coding, inheritThemes } from "./coding";
import type { RuleSet } from "./rules";

export interface StatementContext {
  rules: RuleSet;
  coder: Coder;
  /** People registry by id: names and roles for speakers the document gives no role. */
  registry: ReadonlyMap<string, RegistryEntry>;
}

/** "role, affiliation" from the document's person (or the registry), else the role the attribution found. */
export function speakerRole(who: { role: string | null; affiliation: string | null } | undefined, found: string | undefined): string {
  if (who?.role) return who.affiliation ? `${who.role}, ${who.affiliation}` : who.role;
  return found ?? "";
}

/**
 * Extracts the coded statements of one normalized document, one row per speaker, in text order.
 * Pure: the same document and rules always give the same rows and ids.
 */
export function extractStatements(doc: NormalizedDocument, ctx: StatementContext): Statement[] {
  const { attributions, roles, extraNames } = attributeDocument(doc, ctx.rules);
  const rows: Statement[] = [];
  const seen = new Set<string>();
  const coded = attributions.map((a) => {
    const slice = doc.text.slice(a.start, a.end);
    const paragraph = doc.paragraphs[a.paragraph];
    const lang = paragraph && paragraph.lang !== "unknown" ? paragraph.lang : doc.lang;
    return { a, slice, lang };
  });
  // A statement without a theme of its own continues the topic of the same speaker's run of speech.
  const codings = inheritThemes(
    coded.map(({ slice, lang }) => ctx.coder(slice, lang)),
    coded.map(({ a, slice }) => ({ speakers: a.speakers.join(" "), paragraph: a.paragraph, authored: a.kind === "authored"})),
  );
  coded.forEach(({ a, slice, lang }, index) => {
    const coding = codings[index] as Coding;
    for (const speakerId of a.speakers) {
      const statementId = `${doc.id}:${a.start}-${a.end}:${speakerId}`;
      if (seen.has(statementId)) continue;
      seen.add(statementId);
      const person = doc.persons.find((p) => p.id === speakerId);
      const entry = ctx.registry.get(speakerId);
      rows.push({
        statement_id: statementId,
        doc_id: doc.id,
        speaker_id: speakerId,
        speaker_name: person?.name ?? entry?.name ?? extraNames.get(speakerId) ?? speakerId,
        speaker_role: speakerRole(person?.role ? person : entry, roles.get(speakerId)),
        kind: a.kind,
        frame: coding.frame,
        themes: coding.themes,
        hedged: coding.hedged,
        confidence: Math.round(a.confidence * 100) / 100,
        cue: a.cue,
        lang,
        start: a.start,
        end: a.end,
        text: slice,
      });
    }
  });
  return rows;
}
