import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { readArtifacts } from "./fixture";

const base = inject("mainUrl");
const { metrics, statements } = readArtifacts(inject("mainOut"));

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
});

async function contents(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Splits CSV lines, good enough for these tables' unquoted id columns. */
function firstColumn(csv: string): string[] {
  return csv.replace(/^\uFEFF/, "").trim().split("\n").slice(1).map((line) => line.split(",")[0]!);
}

describe("CSV downloads", () => {
  it("downloads the speakers table shown on the overview, one row per speaker, named after the run", async () => {
    await page.goto(base);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[data-table="speakers"]').click()]);
    expect(download.suggestedFilename()).toBe(`speakers.${metrics.run_id}.csv`);
    const csv = await contents(download);
    expect(csv.startsWith("\uFEFFspeaker_id,speaker_name")).toBe(true);
    expect(firstColumn(csv)).toEqual(metrics.speakers.map((s) => s.speaker_id));
  });

  it("labels themes in Swedish when the page is in Swedish", async () => {
    const sv = metrics.theme_labels?.[0]?.sv;
    const response = await fetch(`${base}/download/speaker_theme?labels=sv`);
    expect(response.status).toBe(200);
    if (sv) expect(await response.text()).toContain(sv);
  });

  it("downloads exactly the statements the explorer filter shows", async () => {
    const speaker = statements[0]!.speaker_id;
    await page.goto(`${base}/statements?speaker=${speaker}&hedged=false`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[data-table="statements"]').click()]);
    const expected = statements.filter((s) => s.speaker_id === speaker && !s.hedged).map((s) => s.statement_id);
    expect(firstColumn(await contents(download))).toEqual(expected);
  });

  it("answers an unknown table with 404 and the list of tables", async () => {
    const response = await fetch(`${base}/download/nonsense`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("speaker_theme");
  });
});
