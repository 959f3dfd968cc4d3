import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { readArtifacts } from "./fixture";

const base = inject("mainUrl");
const { metrics } = readArtifacts(inject("mainOut"));

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
});

describe("CSV downloads", () => {
  it("downloads the speakers table shown on the overview", async (ctx) => {
    const probe = await fetch(`${base}/download/speakers?lang=en`);
    if (probe.status === 501) ctx.skip(`renderTable in @viewpoints/metrics is still a stub: ${(await probe.text()).trim()}`);
    await page.goto(base);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[data-table="speakers"]').click()]);
    expect(download.suggestedFilename()).toBe("speakers.csv");
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.length).toBe(metrics.speakers.length + 1);
    for (const s of metrics.speakers) expect(csv).toContain(s.speaker_name);
  });

  it("rejects a table name that is not a plain identifier", async () => {
    const response = await fetch(`${base}/download/..%2Fsecrets`);
    expect(response.status).toBe(400);
  });
});
