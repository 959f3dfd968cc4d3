import { describe, expect, it } from "vitest";
import { decodeEntities } from "./entities";
import { extractHtml } from "./html";

const PAGE = `<!doctype html>
<html lang="sv-SE">
<head>
  <title>Rubrik | Tidningen</title>
  <meta property="og:title" content="Rubrik &amp; underrubrik">
  <meta property="og:site_name" content="Tidningen">
  <meta property="article:published_time" content="2022-01-07T09:30:00+01:00">
  <meta name="author" content="Anna Andersson">
  <style>p { color: red }</style>
  <script>var x = "<p>not text</p>";</script>
</head>
<body>
  <header><a href="/">Tidningen</a> Logga in</header>
  <nav><ul><li>Nyheter</li><li>Sport</li></ul></nav>
  <article>
    <h1>Rubrik</h1>
    <p>Första stycket om &quot;läget&quot; &ndash; med&nbsp;mer.
       Radbrytning i källan.</p>
    <!-- <p>kommenterad bort</p> -->
    <div>Andra stycket<br>med radbrytning &#8211; och &#x201D;citat&#x201D; och &#150;.</div>
    <aside>Läs också: något annat</aside>
    <form><label>E-post</label><button>Prenumerera</button></form>
    <noscript>Aktivera JavaScript</noscript>
    <template><p>mall</p></template>
  </article>
  <footer>© Tidningen</footer>
</body>
</html>`;

describe("extractHtml", () => {
  const { text, meta } = extractHtml(PAGE);

  it("keeps the article paragraphs, one per block element, with whitespace collapsed", () => {
    expect(text).toBe(
      'Rubrik\n\nFörsta stycket om "läget" – med\u00a0mer. Radbrytning i källan.\n\nAndra stycket\nmed radbrytning – och ”citat” och –.',
    );
  });

  it("drops scripts, styles, navigation, header, footer, aside, forms, noscript, templates and comments", () => {
    for (const gone of ["not text", "color", "Logga in", "Sport", "kommenterad", "Läs också", "Prenumerera", "E-post", "JavaScript", "mall", "©"]) {
      expect(text).not.toContain(gone);
    }
  });

  it("reads title, outlet, date, author and language from the head", () => {
    expect(meta).toEqual({
      title: "Rubrik & underrubrik",
      outlet: "Tidningen",
      published: "2022-01-07T09:30:00+01:00",
      url: null,
      language: "sv-SE",
      authors: ["Anna Andersson"],
    });
  });

  it("falls back to <title> when there is no og:title, and to the canonical link for the url", () => {
    const page = `<html><head><title>Bara &lt;titel&gt;</title><link rel="canonical" href="https://example.com/a"></head><body><p>Text</p></body></html>`;
    expect(extractHtml(page).meta).toMatchObject({ title: "Bara <titel>", url: "https://example.com/a", outlet: null, language: null });
  });

  it("treats a stray < as text and survives unclosed comments and tags", () => {
    expect(extractHtml("<p>3 < 5 och 5 > 3</p><p>slut").text).toBe("3 < 5 och 5 > 3\n\nslut");
    expect(extractHtml("<p>före</p><!-- aldrig stängd <p>efter</p>").text).toBe("före");
  });

  it("keeps the line structure of <pre> blocks", () => {
    expect(extractHtml("<pre>rad 1\n  rad 2</pre>").text).toBe("rad 1\nrad 2");
  });

  it("reads the body of a page whose head is never closed", () => {
    expect(extractHtml("<html><head><title>T</title><body><p>Brödtext</p></body></html>").text).toBe("Brödtext");
  });
});

describe("decodeEntities", () => {
  it("decodes named, decimal and hex references and leaves unknown names as written", () => {
    expect(decodeEntities("&Aring;&auml;&ouml; &#228; &#xE4; &hellip; &bogus; AT&T")).toBe("Åäö ä ä … &bogus; AT&T");
  });

  it("maps the C1 range to Windows-1252 like browsers and replaces invalid code points", () => {
    expect(decodeEntities("&#150;&#128;&#0;&#xD800;")).toBe("–€\ufffd\ufffd");
  });
});
