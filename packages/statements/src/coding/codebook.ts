import { ArtifactError, Codebook, FrameId, parseAt, readJsonFile } from "@viewpoints/artifacts";
import { parseCue } from "./matcher";

/** The ten theme ids of the analytical contract (/work/shared/codebook.md); exports and the dashboard use them verbatim. */
export const CODEBOOK_THEME_IDS = [
  "russian-influence",
  "csto-precedent",
  "troop-entrenchment",
  "anti-russian-backlash",
  "ukraine-two-fronts",
  "russian-domestic",
  "kazakh-power-struggle",
  "foreign-policy-balance",
  "russian-minority",
  "escalation",
] as const;

const LANGS = ["en", "sv"] as const;

interface CueLists {
  en: string[];
  sv: string[];
}

/**
 * Checks what the schema alone cannot: the theme ids are exactly the codebook's ten, each frame
 * appears once, every cue list is non-empty and every cue is well formed. Throws an ArtifactError
 * naming the file and the field.
 */
export function checkCodebook(value: unknown, file: string): Codebook {
  const codebook = parseAt(Codebook, value, { file });
  const fail = (field: string, message: string): never => {
    throw new ArtifactError(`${file}: ${field}: ${message}`, { file });
  };
  const ids = codebook.themes.map((t) => t.id);
  const unknown = ids.filter((id) => !(CODEBOOK_THEME_IDS as readonly string[]).includes(id));
  if (unknown.length) fail("themes", `unknown theme id ${unknown.map((id) => `"${id}"`).join(", ")}; use the ids of the codebook: ${CODEBOOK_THEME_IDS.join(", ")}`);
  const missing = CODEBOOK_THEME_IDS.filter((id) => !ids.includes(id));
  if (missing.length) fail("themes", `missing theme ${missing.map((id) => `"${id}"`).join(", ")}`);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) fail("themes", `theme "${repeated}" is listed twice`);
  const frames = codebook.frames.map((f) => f.id);
  const absent = FrameId.options.filter((id) => !frames.includes(id));
  if (absent.length) fail("frames", `missing frame ${absent.map((id) => `"${id}"`).join(", ")} (each of ${FrameId.options.join(", ")} once)`);

  const checkCues = (cues: CueLists, field: string, required: boolean) => {
    for (const lang of LANGS) {
      const list = cues[lang];
      if (required && list.length === 0) fail(`${field}.${lang}`, "list at least one cue");
      list.forEach((cue, index) => {
        try {
          parseCue(cue);
        } catch (error) {
          fail(`${field}.${lang}.${index}`, (error as Error).message);
        }
      });
    }
  };
  codebook.themes.forEach((theme, i) => {
    checkCues(theme.cues, `themes.${i}.cues (${theme.id})`, true);
    if (theme.weakCues) checkCues(theme.weakCues, `themes.${i}.weakCues (${theme.id})`, false);
    if (theme.anchors) checkCues(theme.anchors, `themes.${i}.anchors (${theme.id})`, false);
  });
  // The last frame is the default, so it needs no cues of its own.
  codebook.frames.forEach((frame, i) => {
    checkCues(frame.cues, `frames.${i}.cues (${frame.id})`, i < codebook.frames.length - 1);
    if (frame.weakCues) checkCues(frame.weakCues, `frames.${i}.weakCues (${frame.id})`, false);
    if (frame.auxiliaries) checkCues(frame.auxiliaries, `frames.${i}.auxiliaries (${frame.id})`, false);
    if (frame.outcomes) checkCues(frame.outcomes, `frames.${i}.outcomes (${frame.id})`, false);
  });
  checkCues(codebook.hedges, "hedges", true);
  for (const field of ["negators", "nonHedges", "comparisons"] as const) {
    const lists = codebook[field];
    if (lists) checkCues(lists, field, false);
  }
  return codebook;
}

/** Reads and checks a codebook file (data/codebook.json by default in the CLIs). */
export async function loadCodebook(file: string): Promise<Codebook> {
  const raw: unknown = await readJsonFile(file, Codebook);
  return checkCodebook(raw, file);
}
