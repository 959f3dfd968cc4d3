import { describe, expect, it } from "vitest";
import { beforeComments, findPersonNames, guessLanguage, splitParagraphs } from "./source";

describe("splitParagraphs", () => {
  it("keeps one paragraph per line when lines are long", () => {
    const long = "word ".repeat(40).trim();
    expect(splitParagraphs(`Title\n${long}.\n\n${long}.\n`)).toEqual(["Title", `${long}.`, `${long}.`]);
  });

  it("joins hard-wrapped lines back into paragraphs", () => {
    const text = [
      "The first paragraph begins",
      "here and runs on for several lines of text that wrap",
      "at about sixty characters, just like an email would do",
      "until it ends.",
      "A new paragraph opens",
      "with a short line and continues for a while as well, on",
      "and on, with more words than anyone needs to read today",
      "and then it ends too.",
      "Third one",
      "is here with its own sentence that goes on to the margin",
      "and stops.",
    ].join("\n");
    const paragraphs = splitParagraphs(text);
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe(
      "The first paragraph begins here and runs on for several lines of text that wrap at about sixty characters, just like an email would do until it ends.",
    );
    expect(paragraphs[1]?.startsWith("A new paragraph opens with")).toBe(true);
  });
});

describe("findPersonNames", () => {
  it("finds names used again by surname and drops capitalised sentence openers", () => {
    const text =
      "The minister said so. After Berglund spoke, analyst Tomas Berglund left. Later Berglund returned. " +
      "Petra Lindqvist agreed, said Petra Lindqvist again. In Norway things were calm.";
    const names = findPersonNames([text]).map((p) => `${p.first} ${p.last}`);
    expect(names).toContain("Tomas Berglund");
    expect(names).toContain("Petra Lindqvist");
    expect(names).not.toContain("After Berglund");
    expect(names).not.toContain("In Norway");
  });

  it("takes the last two words of a title-and-name run", () => {
    const text = "Yesterday Acting Director Mira Solberg resigned; critics of Solberg were pleased.";
    expect(findPersonNames([text])).toEqual([{ first: "Mira", last: "Solberg" }]);
  });
});

describe("guessLanguage", () => {
  it("tells Swedish from English by its letters", () => {
    expect(guessLanguage("Regeringen föreslår att skatten på bränsle sänks under nästa år.")).toBe("sv");
    expect(guessLanguage("The government proposes a lower fuel tax next year.")).toBe("en");
  });
});

describe("beforeComments", () => {
  it("cuts at the first paragraph that opens with a marker, whatever its case, and keeps an article without one", () => {
    const paragraphs = ["Title", "Body with no comments: in the middle.", "No comments:", "Post a Comment"];
    expect(beforeComments(paragraphs, ["no comments:", "post a comment"])).toEqual(["Title", "Body with no comments: in the middle."]);
    expect(beforeComments(paragraphs, ["leave a comment"])).toEqual(paragraphs);
  });
});
