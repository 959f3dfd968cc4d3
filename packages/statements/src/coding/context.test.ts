import { describe, expect, it } from "vitest";
import { extractStatements } from "../statements";
import { buildDoc } from "../testing/doc";
import { repoRules } from "../testing/rules";
import type { Coder } from "./index";

const rules = repoRules();

/** Records the context the statements stage hands the coder for each statement. */
function contextsOf(paragraphs: string[], persons: { id: string; name: string }[]): (string | undefined)[] {
  const seen: (string | undefined)[] = [];
  const coder: Coder = (_text, _lang, context) => {
    seen.push(context);
    return { frame: "assessment", themes: [], hedged: false };
  };
  extractStatements(buildDoc(paragraphs, persons, { id: "d" }), { rules, coder, registry: new Map() });
  return seen;
}

describe("context passed by the statements stage", () => {
  it("gives a quote the same speaker's statement just before it", () => {
    const contexts = contextsOf(
      ["Anna Lindqvist tror att kriget i Ukraina drar ut på tiden.", "– Det är två helt olika saker, säger hon."],
      [{ id: "anna-lindqvist", name: "Anna Lindqvist" }],
    );
    expect(contexts).toEqual([undefined, "Anna Lindqvist tror att kriget i Ukraina drar ut på tiden."]);
  });

  it("gives no context after another speaker", () => {
    const contexts = contextsOf(
      ["Anna Lindqvist tror att kriget i Ukraina drar ut på tiden.", "Per Holm menar att det är två olika saker."],
      [
        { id: "anna-lindqvist", name: "Anna Lindqvist" },
        { id: "per-holm", name: "Per Holm" },
      ],
    );
    expect(contexts).toEqual([undefined, undefined]);
  });
});
