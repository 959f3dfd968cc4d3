import { describe, expect, it } from "vitest";
import { cleanParagraphs, compileRules } from "./clean";
import { CleaningRule } from "./language-data";
import { languageRules, sharedRules } from "./test-context";

const sv = compileRules([...sharedRules().cleaning, ...languageRules("sv").cleaning]);
const en = compileRules([...sharedRules().cleaning, ...languageRules("en").cleaning]);

const ARTICLE = "Styrkorna skickades till landet för en knapp vecka sedan, efter en vädjan från presidenten.";
const LONG_ARTICLE =
  "Ingripandet är betydelsefullt av flera skäl. För det första är detta första gången som artikeln har åberopats och alliansen har skickat trupper. " +
  "För det andra är syftet med artikeln att motverka hot utifrån, och en liknande begäran avslogs tidigare just för att protesterna ansågs vara en intern angelägenhet. " +
  "Den här gången gick dock alliansen in bara några timmar efter begäran. Foto: Anna Andersson/TT";

function rulesRemoving(paragraphs: string[], rules = sv) {
  const result = cleanParagraphs(paragraphs, rules);
  return { kept: result.paragraphs, removed: result.removed.map((r) => [r.rule, r.text]) };
}

describe("cleanParagraphs, shared rules", () => {
  it("drops separators such as * * * and ---", () => {
    expect(rulesRemoving([ARTICLE, "* * *", "---", ARTICLE])).toEqual({
      kept: [ARTICLE, ARTICLE],
      removed: [["separator", "* * *"], ["separator", "---"]],
    });
  });

  it("drops an image file name glued to its caption, keeping the paragraphs around it", () => {
    const caption = "imageo6025.pngEn polisbil har stuckits i brand i Almaty. Foto: Vladimir Tretyakov/AP/TT";
    expect(rulesRemoving([ARTICLE, caption, ARTICLE]).kept).toEqual([ARTICLE, ARTICLE]);
    expect(rulesRemoving([caption]).removed).toEqual([["image-caption", caption]]);
  });

  it("drops a caption set in parentheses on its own", () => {
    expect(rulesRemoving(["(Russian troops leaving on Thursday morning.)", "The troops left."], en).kept).toEqual(["The troops left."]);
  });

  it("truncates a reader comment block between ^ marks and the blog chrome after it", () => {
    const result = rulesRemoving(["The article ends here.", "^ I feel sorry for the people. ^", "No comments:", "Post a Comment"], en);
    expect(result.kept).toEqual(["The article ends here."]);
    expect(result.removed).toEqual([["reader-comment-block", "^ I feel sorry for the people. ^\nNo comments:\nPost a Comment"]]);
  });

  it("does not truncate when the tail is longer than the rule allows, only drops the marker paragraph", () => {
    const longTail = Array.from({ length: 60 }, () => "This is a long paragraph of the real article that goes on.");
    const result = rulesRemoving(["^ a marker", ...longTail], en);
    expect(result.kept).toHaveLength(60);
    expect(result.removed).toEqual([["reader-comment-block", "^ a marker"]]);
  });
});

describe("cleanParagraphs, Swedish rules", () => {
  it("drops a credit line on its own", () => {
    expect(rulesRemoving(["Bild: Vladimir Tretyakov/AP", ARTICLE])).toEqual({ kept: [ARTICLE], removed: [["photo-credit", "Bild: Vladimir Tretyakov/AP"]] });
  });

  it("drops a short caption that ends in a photo credit", () => {
    const caption = "Officiellt foto på ledarna i alliansen, i möte om krisen. Foto: Kreml/AP/TT";
    expect(rulesRemoving([caption, ARTICLE])).toEqual({ kept: [ARTICLE], removed: [["photo-caption", caption]] });
  });

  it("strips only the credit from a long article paragraph that ends with one", () => {
    const result = rulesRemoving([LONG_ARTICLE]);
    expect(result.kept).toEqual([LONG_ARTICLE.replace(" Foto: Anna Andersson/TT", "")]);
    expect(result.removed).toEqual([["photo-caption", "Foto: Anna Andersson/TT"]]);
  });

  it("keeps an article sentence that mentions a photo without a credit form", () => {
    const text = "Bilden visar demonstranter i Almaty. Fotot togs på torsdagen.";
    expect(rulesRemoving([text]).kept).toEqual([text]);
  });

  it("drops read-more links and subscription pitches", () => {
    const pitch = "Bli insatt i de stora skeendena i världen: Köp din prenumeration på Fokus här.";
    expect(rulesRemoving(["Läs även: Putins imperieplaner gäckar omvärlden", pitch, ARTICLE])).toEqual({
      kept: [ARTICLE],
      removed: [["read-more", "Läs även: Putins imperieplaner gäckar omvärlden"], ["subscription-pitch", pitch]],
    });
  });

  it("keeps short article paragraphs about subscriptions or membership", () => {
    const paragraphs = ["Antalet prenumerationer ökade kraftigt under året.", "Landet vill bli medlem i Nato."];
    expect(rulesRemoving(paragraphs).kept).toEqual(paragraphs);
  });

  it("keeps a long article paragraph that happens to mention subscriptions", () => {
    const text =
      "Tidningen har tappat många läsare de senaste åren, och antalet som betalar för en prenumeration har halverats sedan 2015 enligt förlagets egen årsredovisning, " +
      "som också visar att annonsintäkterna har minskat kraftigt under samma period och att redaktionen har krympt till en tredjedel av vad den var.";
    expect(rulesRemoving([text]).kept).toEqual([text]);
  });

  it("drops a publication dateline and strips a genre label before the lead", () => {
    expect(rulesRemoving(["Publicerad: 2022-01-15", "Analys. Sammandrabbningarna har ökat inflytandet."])).toEqual({
      kept: ["Sammandrabbningarna har ökat inflytandet."],
      removed: [["dateline", "Publicerad: 2022-01-15"], ["genre-label", "Analys."]],
    });
  });
});

describe("cleanParagraphs, English rules", () => {
  it("drops a blog source line and blog notes", () => {
    expect(rulesRemoving(["From MT:", "Russia's Involvement", "Note: Only a member of this blog may post a comment."], en)).toEqual({
      kept: ["Russia's Involvement"],
      removed: [["blog-source-prefix", "From MT:"], ["blog-note", "Note: Only a member of this blog may post a comment."]],
    });
  });

  it("keeps article paragraphs that only look like chrome", () => {
    const paragraphs = [
      "From Moscow: the view is that the alliance has proved itself.",
      "Countries that subscribe to the treaty must send troops.",
      "Published in 2019, the report warned of unrest.",
    ];
    expect(rulesRemoving(paragraphs, en).kept).toEqual(paragraphs);
  });

  it("drops photo credits, read-more links and subscription pitches", () => {
    const paragraphs = ["Photo: Jane Doe/Reuters", "Read more: Why the alliance matters", "Subscribe now to get our newsletter.", "The troops left."];
    expect(rulesRemoving(paragraphs, en).kept).toEqual(["The troops left."]);
  });

  it("truncates at a reader comments heading", () => {
    expect(rulesRemoving(["The troops left.", "3 comments:", "Great article!"], en).kept).toEqual(["The troops left."]);
  });
});

describe("CleaningRule schema", () => {
  it("rejects an invalid regular expression with a message saying how to write one", () => {
    const result = CleaningRule.safeParse({ id: "bad", pattern: "(unclosed", action: "drop" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/not a valid regular expression/);
  });

  it("rejects the slow u flag", () => {
    expect(CleaningRule.safeParse({ id: "slow", pattern: "x", flags: "u", action: "drop" }).success).toBe(false);
  });
});
