import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { readArtifacts } from "./fixture";

const base = inject("mainUrl");
const { statements } = readArtifacts(inject("mainOut"));

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
});

async function shownIds(): Promise<string[]> {
  return page.locator("[data-statement]").evaluateAll((els) => els.map((e) => e.getAttribute("data-statement")!));
}

describe("statement explorer", () => {
  it("sends one page of 50, never the whole set", async () => {
    await page.goto(`${base}/statements`);
    expect(await page.locator("[data-statement]").count()).toBe(Math.min(50, statements.length));
    await expect(page.getByTestId("result-count").textContent()).resolves.toContain(`of ${statements.length} statements`);
  });

  it("filters by speaker and frame from the form, with the filters in the URL", async () => {
    const target = statements[0]!;
    await page.goto(`${base}/statements`);
    await page.getByLabel("Speaker").selectOption(target.speaker_id);
    await page.getByLabel("Frame").selectOption(target.frame);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("speaker") === target.speaker_id && url.searchParams.get("frame") === target.frame);
    const expected = statements.filter((s) => s.speaker_id === target.speaker_id && s.frame === target.frame);
    await expect(page.getByTestId("result-count").textContent()).resolves.toContain(`of ${expected.length} statements`);
    expect(await shownIds()).toEqual(expected.slice(0, 50).map((s) => s.statement_id));
  });

  it("finds a statement by a piece of its text, case-insensitively", async () => {
    const target = statements[Math.floor(statements.length / 2)]!;
    const needle = target.text.slice(0, 40).toUpperCase();
    await page.goto(`${base}/statements`);
    await page.getByLabel("Text contains").fill(needle);
    await page.getByLabel("Text contains").press("Enter");
    await page.waitForURL(/q=/);
    const expected = statements.filter((s) => s.text.toLowerCase().includes(needle.toLowerCase().trim()));
    expect(await shownIds()).toEqual(expected.slice(0, 50).map((s) => s.statement_id));
    expect(await shownIds()).toContain(target.statement_id);
  });

  it("combines hedged, language and theme filters", async () => {
    const theme = statements.find((s) => s.themes.length > 0)!.themes[0]!;
    const lang = statements[0]!.lang;
    await page.goto(`${base}/statements?hedged=true&lang=${lang}&theme=${theme}`);
    const expected = statements.filter((s) => s.hedged && s.lang === lang && s.themes.includes(theme));
    expect(await shownIds()).toEqual(expected.slice(0, 50).map((s) => s.statement_id));
    expect(await page.getByLabel("Hedged").inputValue()).toBe("true");
  });

  it("pages forward and back through the results", async () => {
    await page.goto(`${base}/statements`);
    if (statements.length <= 50) return;
    await page.getByRole("link", { name: "Next →" }).click();
    await page.waitForURL(/page=2/);
    expect(await shownIds()).toEqual(statements.slice(50, 100).map((s) => s.statement_id));
    await expect(page.locator(".pager").textContent()).resolves.toContain(`Page 2 / ${Math.ceil(statements.length / 50)}`);
    await page.getByRole("link", { name: "← Previous" }).click();
    await page.waitForURL((url) => !url.searchParams.has("page"));
    expect(await shownIds()).toEqual(statements.slice(0, 50).map((s) => s.statement_id));
  });

  it("clamps a page number past the end to the last page", async () => {
    await page.goto(`${base}/statements?page=9999`);
    const last = Math.ceil(statements.length / 50);
    expect(await shownIds()).toEqual(statements.slice((last - 1) * 50).map((s) => s.statement_id));
  });

  it("links each statement to its highlighted place in the source", async () => {
    const target = statements[0]!;
    await page.goto(`${base}/statements`);
    await page.locator(`[data-statement="${target.statement_id}"] .meta a`).click();
    await page.waitForURL(new RegExp(`/documents/${target.doc_id}#`));
    expect(await page.locator(`mark[id="${target.statement_id}"]`).textContent()).toBe(target.text);
  });
});
