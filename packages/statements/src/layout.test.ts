import { describe, expect, it } from "vitest";
import { classifyParagraphs } from "./layout";
import { buildDoc } from "./testing/doc";
import { repoRules } from "./testing/rules";

const rules = repoRules();
const rolesOf = (paragraphs: string[], lang: "sv" | "en") => classifyParagraphs(buildDoc(paragraphs, [], { lang }), () => rules.get(lang));

describe("classifyParagraphs markers", () => {
  it("finds a caption marker inside a paragraph in any case, and not a look-alike", () => {
    expect(rolesOf(["Demonstranter i Almaty den 5 januari. FOTO: Anna Berg/TT", "Bilden i rapporten var tydlig."], "sv")).toEqual(["caption", "text"]);
    expect(rolesOf(["Riot police in Almaty. Image.JPG", "The photo shows the square."], "en")).toEqual(["caption", "text"]);
  });

  it("reads prefix markers of a long paragraph from its head, Greek capital sigma included", () => {
    const long = "ord ".repeat(200);
    expect(rolesOf([`LÄS ÄVEN: ${long}`, `ΣΑΣ ${long}`], "sv")).toEqual(["boilerplate", "text"]);
  });

  it("keeps exact lower-case semantics around the dotted capital I and the Kelvin sign", () => {
    expect(rolesOf(["Protest in the square, PHOTO\u0130: none", "Almaty, \u212Aazakhstan. photo: AP"], "en")).toEqual(["text", "caption"]);
  });
});
