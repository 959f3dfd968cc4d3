import { type NextRequest, NextResponse } from "next/server";
import { LANG_COOKIE, toUiLang } from "@/lib/labels";

/** The page to return to: the referring page when it is on this host, else the overview. */
function backTo(request: NextRequest): string {
  const referer = request.headers.get("referer");
  if (!referer) return "/";
  const url = new URL(referer);
  return url.host === request.headers.get("host") ? `${url.pathname}${url.search}` : "/";
}

/** Sets the label language and returns to the page the toggle was clicked on. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ lang: string }> }) {
  const lang = toUiLang((await params).lang);
  // A relative Location keeps the host the browser used (127.0.0.1 or localhost).
  const response = new NextResponse(null, { status: 303, headers: { location: backTo(request) } });
  response.cookies.set(LANG_COOKIE, lang, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  return response;
}
