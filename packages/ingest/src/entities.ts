import { decodeWindows1252 } from "./cp1252";

/** Named entities common in news pages; anything else is numeric or left as written. */
const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad",
  ndash: "–", mdash: "—", minus: "−", hellip: "…", bull: "•", middot: "·", prime: "′", Prime: "″",
  lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„", laquo: "«", raquo: "»",
  lsaquo: "‹", rsaquo: "›", thinsp: "\u2009", ensp: "\u2002", emsp: "\u2003", zwnj: "\u200c", zwj: "\u200d",
  lrm: "\u200e", rlm: "\u200f", copy: "©", reg: "®", trade: "™", euro: "€", pound: "£", yen: "¥", cent: "¢",
  deg: "°", times: "×", divide: "÷", plusmn: "±", para: "¶", sect: "§", frac12: "½", frac14: "¼", frac34: "¾",
  iexcl: "¡", iquest: "¿", dagger: "†", Dagger: "‡", permil: "‰",
  aring: "å", Aring: "Å", auml: "ä", Auml: "Ä", ouml: "ö", Ouml: "Ö", uuml: "ü", Uuml: "Ü",
  aacute: "á", Aacute: "Á", agrave: "à", Agrave: "À", acirc: "â", eacute: "é", Eacute: "É", egrave: "è",
  Egrave: "È", ecirc: "ê", euml: "ë", iacute: "í", igrave: "ì", icirc: "î", iuml: "ï", oacute: "ó",
  Oacute: "Ó", ograve: "ò", ocirc: "ô", otilde: "õ", uacute: "ú", ugrave: "ù", ucirc: "û", yacute: "ý",
  yuml: "ÿ", ntilde: "ñ", Ntilde: "Ñ", ccedil: "ç", Ccedil: "Ç", oslash: "ø", Oslash: "Ø", aelig: "æ",
  AElig: "Æ", szlig: "ß", scaron: "š", Scaron: "Š", zcaron: "ž", Zcaron: "Ž", oelig: "œ", OElig: "Œ",
};

function fromCodePoint(code: number): string {
  // HTML maps the C1 range to Windows-1252, as browsers do (&#150; is an en dash).
  if (code >= 0x80 && code <= 0x9f) return decodeWindows1252(new Uint8Array([code]));
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(code);
}

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g;

/** Decodes HTML character references: the common named ones and every numeric one. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith("#")) {
      const hex = body[1] === "x" || body[1] === "X";
      return fromCodePoint(Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    const named = NAMED[body];
    if (named === undefined) return whole;
    return named;
  });
}
