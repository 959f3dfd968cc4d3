import type { Statement } from "@viewpoints/artifacts";

/** A dashboard page the bench requests, and what a user does to get there. */
export interface DashboardRoute {
  name: string;
  path: string;
}

type StatementFields = Pick<Statement, "statement_id" | "speaker_id" | "frame" | "text">;

/** The most frequent value of `key` among `items`; of tied values, the one that reached the count first. */
function mostFrequent<T>(items: readonly T[], key: (item: T) => string): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const item of items) {
    const k = key(item);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (best === null || n > (counts.get(best) ?? 0)) best = k;
  }
  return best;
}

/**
 * The pages the issue names, with queries taken from the run's own statements: compare, the explorer's
 * first page, the explorer filtered to the busiest speaker and frame (the biggest filtered result), and
 * a text search (a scan of every statement's text).
 */
export function dashboardRoutes(statements: readonly StatementFields[]): DashboardRoute[] {
  const routes: DashboardRoute[] = [
    { name: "compare", path: "/compare" },
    { name: "explorer, page 1", path: "/statements" },
  ];
  const speaker = mostFrequent(statements, (s) => s.speaker_id);
  if (speaker !== null) {
    const own = statements.filter((s) => s.speaker_id === speaker);
    const frame = mostFrequent(own, (s) => s.frame)!;
    routes.push({ name: "explorer, speaker + frame", path: `/statements?${new URLSearchParams({ speaker, frame })}` });
  }
  const middle = statements[Math.floor(statements.length / 2)];
  // The first words of a real statement: a search a user might type, with at least one match.
  const words = middle?.text.split(/\s+/).filter((w) => w !== "").slice(0, 3).join(" ");
  if (words) routes.push({ name: "explorer, text search", path: `/statements?${new URLSearchParams({ q: words })}` });
  return routes;
}

/**
 * How many of the run's statements a response carries: distinct known statement ids anywhere in it,
 * markup or the React payload, which is how a page that ships the whole set would show.
 */
export function shippedStatements(body: string, ids: ReadonlySet<string>): number {
  const found = new Set<string>();
  for (const token of body.split(/[\s"'<>&;,\\]+/)) if (ids.has(token)) found.add(token);
  return found.size;
}
