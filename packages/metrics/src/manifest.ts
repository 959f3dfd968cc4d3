import { createHash } from "node:crypto";
import type { RunManifest } from "@viewpoints/artifacts";

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The codebook version: the first 12 hex digits of the sha256 of the codebook file as read. */
export function codebookVersion(codebookText: string): string {
  return sha256(codebookText).slice(0, 12);
}

/**
 * A run id that sorts by time and tells runs on different inputs apart:
 * UTC timestamp plus 6 hex digits of a hash over the codebook version and the input hashes.
 */
export function makeRunId(createdAt: Date, codebook: string, inputs: readonly { file: string; hash: string }[]): string {
  const stamp = createdAt.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const digest = sha256([codebook, ...inputs.map((i) => `${i.file}\t${i.hash}`)].join("\n")).slice(0, 6);
  return `${stamp}-${digest}`;
}

export interface ManifestInput {
  createdAt: Date;
  packageVersion: string;
  codebookVersion: string;
  inputs: readonly { file: string; hash: string }[];
}

/** Builds run-manifest.json's record. Pure: time and version are passed in. */
export function buildRunManifest(input: ManifestInput): RunManifest {
  return {
    run_id: makeRunId(input.createdAt, input.codebookVersion, input.inputs),
    created_at: input.createdAt.toISOString(),
    package_version: input.packageVersion,
    codebook_version: input.codebookVersion,
    inputs: input.inputs.map((i) => ({ file: i.file, hash: i.hash })),
  };
}
