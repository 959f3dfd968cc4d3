import type { z } from "zod";

/** Where a bad record came from, so the message can name the file and the line. */
export interface Location {
  file: string;
  line?: number;
}

/** An artifact or config file that does not match its schema. */
export class ArtifactError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  constructor(message: string, where: Location) {
    super(message);
    this.name = "ArtifactError";
    this.file = where.file;
    this.line = where.line;
  }
}

/** Renders zod issues for people: file, line, field path, what is wrong. One function for every boundary. */
export function describeIssues(error: z.ZodError, where: Location): string {
  const place = where.line === undefined ? where.file : `${where.file}:${where.line}`;
  const lines = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join(".") : "(record)";
    return `  ${path}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? [`  … and ${error.issues.length - 5} more`] : [];
  return [`${place}: invalid record`, ...lines, ...more].join("\n");
}

/** Parses a value with a schema, throwing an ArtifactError that names the place. */
export function parseAt<T extends z.ZodType>(schema: T, value: unknown, where: Location): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ArtifactError(describeIssues(result.error, where), where);
  return result.data;
}
