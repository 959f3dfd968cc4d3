import { describe, expect, it } from "vitest";
import { attributeDocument } from "./attribute";
import { normalizeText } from "./testing/normalized";
import { repoRules } from "./testing/rules";

const rules = repoRules();

/** Raw article text through the real normalizer, then attribution: compact rows. */
function statementsOf(raw: string, authors: string[] = []) {
  const doc = normalizeText(raw, { authors });
  return attributeDocument(doc, rules).attributions.map((a) => ({ who: a.speakers.join("+"), kind: a.kind, cue: a.cue, text: doc.text.slice(a.start, a.end) }));
}

describe("statements of normalized articles", () => {
  it("follows a Swedish news story's speakers through dash quotes and pronouns, skipping caption, experts and fact box", () => {
    const rows = statementsOf(`Oron sprider sig i Centralasien efter upploppen
Grannländerna följer utvecklingen med oro. Flera regeringar har höjt beredskapen, skriver TT.
Bild: Anders Wiklund/TT
Protesterna började i oljestaden på nyårsdagen och spred sig snabbt till huvudstaden.
– Det här är den allvarligaste krisen sedan självständigheten, säger Maria Lundgren, docent i statsvetenskap vid Uppsala universitet.
Hon pekar på att regimen har svarat med våld redan från början.
– Man har inte försökt tala med demonstranterna. Det kommer att få följder.
Bedömare menar att oroligheterna kan sprida sig till grannländerna.
Enligt Lundgren är risken störst i Kirgizistan, där regeringen är svag.
– Där har vi sett tre revolutioner på tjugo år, säger hon.
Utrikesminister Peter Sjöberg uppger att svenska medborgare uppmanas att lämna landet.
– Vi följer läget noga, säger han till TT.
Fakta: Centralasien
Regionen består av fem före detta sovjetrepubliker. Den största är Kazakstan, säger Maria Lundgren.
`);
    expect(rows.map((r) => [r.who, r.kind, r.cue])).toEqual([
      ["maria-lundgren", "quote", "säger"],
      ["maria-lundgren", "reported", "pronoun"],
      ["maria-lundgren", "quote", "dash-continuation"],
      ["maria-lundgren", "reported", "enligt"],
      ["maria-lundgren", "quote", "pronoun"],
      ["peter-sjoberg", "reported", "uppger"],
      ["peter-sjoberg", "quote", "pronoun"],
    ]);
    expect(rows[0]?.text).toBe("Det här är den allvarligaste krisen sedan självständigheten");
  });

  it("reads hard-wrapped English quotes split by attribution, pronoun follow-ups and a speaker the normalizer missed", () => {
    const rows = statementsOf(`Moscow weighs the cost of its deployment

Russia's decision to send troops to its southern neighbour
carries risks for the Kremlin, analysts said on Friday.
"This is a short operation, and Moscow wants it to stay
that way," said Dmitry Volkov, a senior fellow at the
Institute for Security Studies in London. "If it drags on, the
costs will rise quickly."
Volkov said the Kremlin was also sending a message to
its own opposition. He added that the timing was awkward,
with talks with Washington due next week.
Experts say the deployment could backfire if troops fire on
civilians.
Natalia Orlova, who heads a Moscow polling agency, believes
the intervention will be popular at home. "People like
order," she said.
`);
    expect(rows).toEqual([
      { who: "dmitry-volkov", kind: "quote", cue: "said", text: "This is a short operation, and Moscow wants it to stay that way" },
      { who: "dmitry-volkov", kind: "quote", cue: "quote-continuation", text: "If it drags on, the costs will rise quickly." },
      { who: "dmitry-volkov", kind: "reported", cue: "said", text: "Volkov said the Kremlin was also sending a message to its own opposition." },
      { who: "dmitry-volkov", kind: "reported", cue: "pronoun", text: "He added that the timing was awkward, with talks with Washington due next week." },
      { who: "natalia-orlova", kind: "reported", cue: "believes", text: "Natalia Orlova, who heads a Moscow polling agency, believes the intervention will be popular at home." },
      { who: "natalia-orlova", kind: "quote", cue: "pronoun", text: "People like order" },
    ]);
  });

  it("gives an analysis with a signature block to its authors, sentence by sentence, except what others said", () => {
    const rows = statementsOf(`Därför är insatsen en seger för Moskva

Analys. Insatsen har stärkt Moskvas grepp om regionen. Den visar också att alliansen kan användas mot inre hot.

Trupperna lämnade landet efter en vecka. Presidenten Sergej Orlov sa att uppdraget var slutfört.

Vad händer nu?

På sikt kan närvaron väcka nationalistiska motreaktioner.

Karin Ek och Olof Strand
Analytiker vid Institutet för regionala studier.
`);
    const authored = rows.filter((r) => r.kind === "authored");
    expect(authored.map((r) => r.text)).toEqual([
      "Insatsen har stärkt Moskvas grepp om regionen.",
      "Den visar också att alliansen kan användas mot inre hot.",
      "Trupperna lämnade landet efter en vecka.",
      "På sikt kan närvaron väcka nationalistiska motreaktioner.",
    ]);
    expect(new Set(authored.map((r) => r.who))).toEqual(new Set(["karin-ek+olof-strand"]));
    expect(rows.filter((r) => r.kind !== "authored").map((r) => [r.who, r.kind])).toEqual([["sergej-orlov", "reported"]]);
  });

  it("reads an English op-ed: byline authors, an unnamed official's quote and the closing biography are not their analysis", () => {
    const rows = statementsOf(`Opinion: The alliance has found its purpose

By Fiona Hill and Samuel Charap

The deployment marks the first time the alliance has acted on its collective security clause. It will not be the last.

Kazakhstan's leadership will pay a price. As one Kazakh official told us, "we have borrowed security and we will have to repay it."

Fiona Hill is a senior fellow at the Brookings Institution. Samuel Charap is a senior political scientist at the RAND Corporation.
`);
    expect(rows.map((r) => [r.who, r.text])).toEqual([
      ["fiona-hill+samuel-charap", "The deployment marks the first time the alliance has acted on its collective security clause."],
      ["fiona-hill+samuel-charap", "It will not be the last."],
      ["fiona-hill+samuel-charap", "Kazakhstan's leadership will pay a price."],
    ]);
  });

  it("collects every author of a debate piece signed on separate lines with their roles", () => {
    const doc = normalizeText(`DEBATT. Sverige måste ta Centralasien på större allvar

Händelserna i Kazakstan visar att regionen är mer instabil än många har trott.

Vi menar att Sverige behöver en egen strategi för Centralasien.

Karin Olsson, ordförande, Centralasiensällskapet
Johan Mattsson, docent i freds- och konfliktforskning, Uppsala universitet
`);
    const result = attributeDocument(doc, rules);
    expect(result.attributions.map((a) => [a.speakers.join("+"), a.kind])).toEqual([
      ["karin-olsson+johan-mattsson", "authored"],
      ["karin-olsson+johan-mattsson", "authored"],
    ]);
  });

  it("follows 'säger han' to a man the normalizer missed, introduced with a relative clause after a woman spoke", () => {
    const rows = statementsOf(`Lugnet är tillbaka i Almaty
Oppositionen har tystnat, och tusentals personer sitter fortfarande fängslade.
– Det här är inte över, säger Sofia Lind, forskare vid Utrikespolitiska institutet.
Stefan Berg, som har skrivit flera böcker om regionen, är mer pessimistisk.
– Reformerna är kosmetiska, säger han.
Han påpekar att samma familjer fortfarande kontrollerar ekonomin.
`);
    expect(rows.map((r) => [r.who, r.kind])).toEqual([
      ["sofia-lind", "quote"],
      ["stefan-berg", "quote"],
      ["stefan-berg", "reported"],
    ]);
  });
});
