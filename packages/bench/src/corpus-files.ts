import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ArtifactError, exists, readJsonFile, writeJsonAtomic } from "@viewpoints/artifacts";
import { z } from "zod";
import { generateCorpus, prepareCorpusSource, type CorpusOptions } from "./corpus";
import { toSourceArticle, type SourceArticle } from "./source";

/** Bump when the generator changes what it writes, so old corpora are made again. */
const GENERATOR_VERSION = 6;

export const CorpusManifest = z.object({
  generator: z.number().int(),
  seed: z.number().int(),
  meanBytes: z.number().int(),
  count: z.number().int().nonnegative(),
  /** Fingerprint of the source articles: edited sources mean a new corpus. */
  sources: z.string(),
  bytes: z.number().int().nonnegative(),
  documents: z.array(z.object({ file: z.string(), language: z.string(), bytes: z.number().int().nonnegative() })),
});
export type CorpusManifest = z.infer<typeof CorpusManifest>;

export interface CorpusOnDisk {
  dir: string;
  articlesDir: string;
  manifest: CorpusManifest;
  regenerated: boolean;
}

const SOURCE_EXTENSIONS = [".txt", ".md"];

const CommentMarkers = z.object({ commentMarkers: z.array(z.string()).default([]) });

/** Each language's reader-comment markers from `<languagesDir>/<language>/statements.json` (none when it has no file). */
async function readCommentMarkers(languagesDir: string): Promise<Map<string, string[]>> {
  const markers = new Map<string, string[]>();
  let languages: string[];
  try {
    languages = await readdir(languagesDir);
  } catch {
    return markers;
  }
  for (const language of languages) {
    const file = join(languagesDir, language, "statements.json");
    if (await exists(file)) markers.set(language, (await readJsonFile(file, CommentMarkers)).commentMarkers.map((m) => m.toLowerCase()));
  }
  return markers;
}

/**
 * Reads the source articles (plain text and Markdown) of a folder, in file-name order, each without
 * its reader comments (by the statements rules in `languagesDir`).
 */
export async function readSourceArticles(dir: string, languagesDir: string): Promise<SourceArticle[]> {
  const markers = await readCommentMarkers(languagesDir);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new ArtifactError(`${dir}: cannot read the source articles folder`, { file: dir });
  }
  const files = names.filter((n) => SOURCE_EXTENSIONS.some((e) => n.endsWith(e))).sort();
  if (files.length === 0) throw new ArtifactError(`${dir}: no .txt or .md articles to build a corpus from`, { file: dir });
  return Promise.all(files.map(async (f) => toSourceArticle(f, await readFile(join(dir, f), "utf8"), (language) => markers.get(language) ?? [])));
}

function fingerprint(articles: SourceArticle[]): string {
  const hash = createHash("sha256");
  for (const a of articles) hash.update(a.file).update("\0").update(a.text).update("\0");
  return hash.digest("hex").slice(0, 16);
}

async function readManifest(file: string): Promise<CorpusManifest | null> {
  if (!(await exists(file))) return null;
  try {
    return await readJsonFile(file, CorpusManifest);
  } catch {
    return null;
  }
}

/**
 * Returns the corpus of `count` documents under `dir`, writing it first when it is missing, was made
 * from other sources or settings, or `how.regenerate` is set. Documents go to a temp folder that replaces
 * articles/ only when complete.
 */
export async function ensureCorpus(
  dir: string,
  count: number,
  sources: SourceArticle[],
  options: CorpusOptions,
  how: { regenerate: boolean; onProgress?: (written: number) => void },
): Promise<CorpusOnDisk> {
  const articlesDir = join(dir, "articles");
  const manifestFile = join(dir, "corpus.json");
  const sourcesId = fingerprint(sources);
  const known = await readManifest(manifestFile);
  const current =
    known !== null &&
    known.generator === GENERATOR_VERSION &&
    known.seed === options.seed &&
    known.meanBytes === options.meanBytes &&
    known.count === count &&
    known.sources === sourcesId &&
    (await exists(articlesDir));
  if (current && !how.regenerate) return { dir, articlesDir, manifest: known, regenerated: false };

  const staging = join(dir, `.articles-${process.pid}.tmp`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const documents: CorpusManifest["documents"] = [];
  let bytes = 0;
  try {
    for (const doc of generateCorpus(prepareCorpusSource(sources, options.seed), count, options)) {
      const file = `${String(doc.index).padStart(6, "0")}.txt`;
      const body = Buffer.from(doc.text, "utf8");
      await writeFile(join(staging, file), body);
      documents.push({ file, language: doc.language, bytes: body.length });
      bytes += body.length;
      how.onProgress?.(documents.length);
    }
    await rm(manifestFile, { force: true });
    await rm(articlesDir, { recursive: true, force: true });
    await rename(staging, articlesDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const manifest: CorpusManifest = {
    generator: GENERATOR_VERSION,
    seed: options.seed,
    meanBytes: options.meanBytes,
    count,
    sources: sourcesId,
    bytes,
    documents,
  };
  await writeJsonAtomic(manifestFile, CorpusManifest, manifest);
  return { dir, articlesDir, manifest, regenerated: true };
}
