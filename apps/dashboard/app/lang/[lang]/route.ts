import { type NextRequest, NextResponse } from "next/server";
import { LANG_COOKIE, toUiLang } from "@/lib/labels";

/** Sets the label language and returns to the page the toggle was clicked on (same origin only). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ lang: string }> }) {
  const lang = toUiLang((await params).lang);
  let back = "/";
  const referer = request.headers.get("referer");
  if (referer) {
    const url = new URL(referer);
    if (url.host === request.nextUrl.host) back = `${url.pathname}${url.search}`;
  }
  const response = NextResponse.redirect(new URL(back, request.nextUrl.origin), 303);
  response.cookies.set(LANG_COOKIE, lang, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  return response;
}
