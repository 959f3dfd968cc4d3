import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, pageTiming, seriousViolations, type PageTiming } from "./browser";
import { readArtifacts } from "./fixture";

const base = inject("mainUrl");
const { metrics, statements } = readArtifacts(inject("mainOut"));
const shots = process.env.SHOTS_DIR ?? "/tmp/shots";

const theme = metrics.speaker_theme[0]!.theme_id;
const analyst = metrics.compared[0]!;
const doc = metrics.sources.find((s) => s.statements > 0)!.doc_id;
const VIEWS: [name: string, path: string][] = [
  ["overview", "/"],
  ["compare", "/compare"],
  ["themes", "/themes"],
  ["theme", `/themes/${theme}`],
  ["analysts", "/analysts"],
  ["analyst", `/analysts/${analyst}`],
  ["statements", "/statements"],
  ["document", `/documents/${doc}`],
];

let browser: Browser;
let page: Page;
const timings: Record<string, PageTiming> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  writeFileSync(join(shots, "timings.json"), `${JSON.stringify(timings, null, 2)}\n`);
  await browser?.close();
});

describe("every view", () => {
  for (const [name, path] of VIEWS) {
    it(`renders ${name} with a heading, landmarks and no serious accessibility violation`, async () => {
      const response = await page.goto(base + path);
      expect(response?.status()).toBe(200);
      await expect(page.locator("h1").first().textContent()).resolves.toBeTruthy();
      expect(await page.locator("main").count()).toBe(1);
      expect(await page.locator("header nav").count()).toBe(1);
      await page.waitForLoadState("networkidle");
      timings[name] = await pageTiming(page);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(150);
        expect(await seriousViolations(page), `at ${width} px`).toEqual([]);
        await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  }
});

describe("compare analysts", () => {
  it("draws one legend entry per compared analyst and one mark per non-zero theme share", async () => {
    await page.goto(`${base}/compare`);
    const chart = page.locator("figure.chart").first();
    await chart.locator("a.chart-mark").first().waitFor();
    const names = metrics.compared.map((id) => metrics.speakers.find((s) => s.speaker_id === id)?.speaker_name ?? id);
    expect(await chart.locator(".legend-item").allTextContents()).toEqual(names);
    const nonZero = metrics.speaker_theme.filter((r) => metrics.compared.includes(r.speaker_id) && r.share > 0).length;
    expect(await chart.locator("a.chart-mark").count()).toBe(nonZero);
  });

  it("marks low-n figures in the chart", async () => {
    await page.goto(`${base}/compare`);
    await page.locator("a.chart-mark").first().waitFor();
    const lowN = metrics.speaker_theme.filter((r) => metrics.compared.includes(r.speaker_id) && r.share > 0 && r.low_n).length;
    expect(await page.locator("figure.chart").first().locator("a.chart-mark[data-low-n]").count()).toBe(lowN);
  });

  it("draws the similarity matrix with a cell for every pair of analysts", async () => {
    await page.goto(`${base}/compare`);
    const n = metrics.compared.length;
    expect(await page.locator("table.heatmap tbody tr").count()).toBe(n);
    expect(await page.locator("table.heatmap a.heat-cell").count()).toBe(n * (n - 1));
  });

  it("follows a chart mark to exactly the statements behind it", async () => {
    await page.goto(`${base}/compare`);
    const mark = page.locator("figure.chart").first().locator("a.chart-mark").first();
    await mark.waitFor();
    const href = (await mark.getAttribute("href"))!;
    const params = new URL(href, base).searchParams;
    const row = metrics.speaker_theme.find((r) => r.speaker_id === params.get("speaker") && r.theme_id === params.get("theme"))!;
    await mark.click();
    await page.waitForURL(/\/statements\?/);
    const shown = await page.getByTestId("result-count").textContent();
    expect(shown).toContain(`of ${row.count} statements`);
    const ids = await page.locator("[data-statement]").evaluateAll((els) => els.map((e) => e.getAttribute("data-statement")));
    expect(ids.every((id) => row.statement_ids.includes(id!))).toBe(true);
  });

  it("reaches a chart mark with Tab and follows it with Enter", async () => {
    await page.goto(`${base}/compare`);
    await page.locator("a.chart-mark").first().waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    let onMark = false;
    for (let i = 0; i < 60 && !onMark; i++) {
      await page.keyboard.press("Tab");
      onMark = await page.evaluate(() => document.activeElement?.classList.contains("chart-mark") ?? false);
    }
    expect(onMark).toBe(true);
    const href = await page.evaluate(() => document.activeElement?.getAttribute("href"));
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
  });
});

describe("labels", () => {
  it("switches theme labels to Swedish and back", async () => {
    await page.goto(`${base}/themes`);
    const sv = await page.evaluate(() => document.documentElement.lang);
    expect(sv).toBe("en");
    await page.getByRole("link", { name: "Svenska" }).click();
    await page.waitForFunction(() => document.documentElement?.lang === "sv" && document.querySelector("h1")?.textContent === "Teman");
    expect(page.url()).toMatch(/\/themes$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Teman");
    await page.getByRole("link", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement?.lang === "en" && document.querySelector("h1")?.textContent === "Themes");
  });
});

describe("overview", () => {
  it("shows each compared analyst with role, affiliation and a statement count linking to their statements", async () => {
    await page.goto(base);
    const rows = page.locator("section[aria-labelledby='analysts'] table").first().locator("tbody tr");
    expect(await rows.count()).toBe(metrics.compared.length);
    const first = metrics.speakers.find((s) => s.speaker_id === metrics.compared[0])!;
    const cells = await rows.first().locator("th, td").allTextContents();
    expect(cells[0]).toBe(first.speaker_name);
    // One role-and-affiliation cell: the affiliation is never repeated in a column of its own.
    expect(cells[1]).toContain(first.speaker_role);
    expect(cells[1]).not.toBe("—");
    expect(cells).toHaveLength(5);
    const count = rows.first().locator("td a").first();
    expect(await count.textContent()).toBe(String(first.statements));
    expect(await count.getAttribute("href")).toBe(`/statements?speaker=${first.speaker_id}`);
  });
});

describe("analyst and document views", () => {
  it("lists every statement of an analyst grouped by theme, with its cue", async () => {
    await page.goto(`${base}/analysts/${analyst}`);
    const own = statements.filter((s) => s.speaker_id === analyst);
    const untouched = own.filter((s) => s.themes.length === 0).length;
    const headings = await page.locator("#by-theme ~ section h3, section[aria-labelledby^='group-'] h3").allTextContents();
    const total = headings.reduce((sum, h) => sum + Number(/\((\d+)\)$/.exec(h)?.[1] ?? 0), 0);
    expect(total).toBe(own.reduce((sum, s) => sum + s.themes.length, 0) + untouched);
    const first = page.locator(".statement").first();
    const firstId = await first.getAttribute("data-statement");
    const shown = own.find((s) => s.statement_id === firstId)!;
    expect(await first.locator(".meta q").textContent()).toBe(shown.cue);
  });

  it("highlights each statement of a document, coloured by speaker", async () => {
    await page.goto(`${base}/documents/${doc}`);
    const own = statements.filter((s) => s.doc_id === doc);
    const anchors = await page.locator(".doc-text [data-anchor]").evaluateAll((els) => els.map((e) => e.id));
    expect(anchors.sort()).toEqual(own.map((s) => s.statement_id).sort());
    const first = own[0]!;
    expect(await page.locator(`[id="${first.statement_id}"]`).getAttribute("data-speaker")).toBe(first.speaker_id);
  });
});
