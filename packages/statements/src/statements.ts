import type { NormalizedDocument, RegistryEntry, Statement } from "@viewpoints/artifacts";
import { attributeDocument } from "./attribute";
import type { Coder } from "./coding";
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
  let previous: { speakers: string; paragraph: number; text: string } | undefined;
  for (const a of attributions) {
    const slice = doc.text.slice(a.start, a.end);
    const paragraph = doc.paragraphs[a.paragraph];
    const lang = paragraph && paragraph.lang !== "unknown" ? paragraph.lang : doc.lang;
    // A quote or report right after the same speaker's previous statement may continue its topic; authored text is coded on its own.
    const speakers = a.speakers.join(" ");
    const continues = a.kind !== "authored" && previous?.speakers === speakers && a.paragraph - previous.paragraph <= 1;
    const coding = ctx.coder(slice, lang, continues ? previous?.text : undefined);
    previous = { speakers, paragraph: a.paragraph, text: slice };
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
  }
  return rows;
}
