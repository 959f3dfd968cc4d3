import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { uiLang } from "@/lib/page-context";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Viewpoints", template: "%s · Viewpoints" },
  description: "What analysts say about the risks and consequences of an event, from attributed and coded statements.",
};

const NAV = [
  { href: "/", en: "Overview", sv: "Översikt" },
  { href: "/compare", en: "Compare analysts", sv: "Jämför analytiker" },
  { href: "/themes", en: "Themes", sv: "Teman" },
  { href: "/analysts", en: "Analysts", sv: "Analytiker" },
  { href: "/statements", en: "Statements", sv: "Uttalanden" },
] as const;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const lang = await uiLang();
  const other = lang === "en" ? "sv" : "en";
  return (
    <html lang={lang}>
      <body>
        <a className="skip-link" href="#main">
          {lang === "sv" ? "Hoppa till innehållet" : "Skip to content"}
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Viewpoints
          </Link>
          <nav aria-label={lang === "sv" ? "Huvudmeny" : "Main"}>
            <ul>
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href}>{item[lang]}</Link>
                </li>
              ))}
            </ul>
          </nav>
          <a className="lang-toggle" href={`/lang/${other}`} hrefLang={other} lang={other}>
            {other === "sv" ? "Svenska" : "English"}
          </a>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            {lang === "sv"
              ? "Varje siffra och diagramstapel länkar till uttalandena bakom den."
              : "Every number and chart mark links to the statements behind it."}
          </p>
        </footer>
      </body>
    </html>
  );
}
