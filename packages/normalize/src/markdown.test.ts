import { describe, expect, it } from "vitest";
import { markdownToText } from "./markdown";

describe("markdownToText", () => {
  it("keeps the text of headings, links, emphasis and quotes without their markup", () => {
    const md = "# Rubrik\n\n## Bakgrund ##\n\nEnligt **Anna Berg** på [FOI](https://foi.se) är läget *mycket* _oklart_.\n\n> Ett citat\n\n* en punkt";
    expect(markdownToText(md).text).toBe("Rubrik\n\nBakgrund\n\nEnligt Anna Berg på FOI är läget mycket oklart.\n\nEtt citat\n\nen punkt");
  });

  it("removes images and records them", () => {
    const result = markdownToText("Text före.\n![Polisbil i brand](bild.png)\nText efter.");
    expect(result.text).toBe("Text före.\n\nText efter.");
    expect(result.removed).toEqual([{ rule: "markdown-image", text: "![Polisbil i brand](bild.png)" }]);
  });

  it("keeps a leading hyphen, which in Swedish articles is a dash quote", () => {
    expect(markdownToText("- Det återstår att se.").text).toBe("- Det återstår att se.");
  });

  it("leaves words with underscores or asterisks inside them alone", () => {
    expect(markdownToText("snake_case_name and 2*3*4").text).toBe("snake_case_name and 2*3*4");
  });
});
