import { z } from "zod";
import { FrameId, ThemeId } from "./statements";

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, "ids are kebab-case, e.g. jakob-hedenskog");

/** data/people.json: persons and organisations known by name, with every spelling that should resolve to them. */
export const RegistryEntry = z.object({
  id,
  name: z.string().min(1),
  /** Other spellings in either language, transliterations, short forms ("Tokajev", "Toqaev"). */
  aliases: z.array(z.string().min(1)).default([]),
  type: z.enum(["person", "organisation", "place"]).default("person"),
  role: z.string().nullable().default(null),
  affiliation: z.string().nullable().default(null),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

export const PeopleRegistry = z.object({
  entries: z.array(RegistryEntry),
});
export type PeopleRegistry = z.infer<typeof PeopleRegistry>;

/** data/analysts.json: the speakers the dashboard compares side by side (ids from the people registry). */
export const AnalystList = z.object({
  analysts: z.array(id).min(1, "list at least one analyst id from data/people.json"),
});
export type AnalystList = z.infer<typeof AnalystList>;

const bilingual = z.object({ en: z.string().min(1), sv: z.string().min(1) });
/**
 * Cue patterns per language. A pattern is a word or phrase; a trailing `*` matches any ending
 * ("inflytande*" matches inflytandet), so Swedish inflection is covered without listing every form.
 * Inside a phrase, `...` skips up to six words ("kommer ... att" matches "kommer nog att"). A leading
 * `-` lets a word also end a compound ("-skuld*" matches tacksamhetsskulden).
 */
const cues = z.object({ en: z.array(z.string().min(1)), sv: z.array(z.string().min(1)) });

export const CodebookTheme = z.object({
  id: ThemeId,
  label: bilingual,
  description: z.string(),
  cues,
  /** Generic cues that give the theme only together with a second cue of it (two weak cues or one strong). */
  weakCues: cues.optional(),
  /** Topic words (the actors or places the theme is about): together they count as one weak cue, however many occur. */
  anchors: cues.optional(),
});
export type CodebookTheme = z.infer<typeof CodebookTheme>;

/**
 * Frames are listed in precedence order: the first frame with a cue in the statement wins, then the
 * first with a weak cue; with neither, the last frame is the default.
 */
export const CodebookFrame = z.object({
  id: FrameId,
  label: bilingual,
  description: z.string(),
  cues,
  /** Cues that decide the frame only when no frame's (strong) cue is present, e.g. a bare "kan" or "may". */
  weakCues: cues.optional(),
  /** Future and modal auxiliaries that decide the frame like cues but are never negated: "lär inte få" is still a forecast. */
  auxiliaries: cues.optional(),
  /** Outcome words in plain tense ("vann", "var billigt för", "gained", "paid off"): they decide the frame like cues, but only in a statement that names an actor (a theme anchor). */
  outcomes: cues.optional(),
});
export type CodebookFrame = z.infer<typeof CodebookFrame>;

/** data/codebook.json: the analytical contract as data a user can edit and re-run. */
export const Codebook = z.object({
  frames: z.array(CodebookFrame).length(3, "the codebook defines exactly the frames risk, consequence and assessment"),
  themes: z.array(CodebookTheme).min(1),
  hedges: cues,
  /** Negation words: one just before a risk or consequence cue (or right after its first word) cancels that cue. */
  negators: cues.optional(),
  /** Phrases where a modal states ability, permission or certainty ("kan användas", "cannot"): hedge and weak frame cues inside them do not count. */
  nonHedges: cues.optional(),
  /** Comparison markers ("along the lines of", "liksom"): theme cues right after one name a point of comparison, not the topic. */
  comparisons: cues.optional(),
});
export type Codebook = z.infer<typeof Codebook>;
