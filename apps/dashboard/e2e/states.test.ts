import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, seriousViolations } from "./browser";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe("without usable artifacts", () => {
  it("tells the user to run the pipeline when the output folder is empty", async () => {
    for (const path of ["/", "/compare", "/statements"]) {
      await page.goto(inject("emptyUrl") + path);
      await expect(page.locator("h1").textContent()).resolves.toBe("No pipeline output yet");
      const text = await page.locator("main").textContent();
      expect(text).toContain("pnpm pipeline");
      expect(text).toContain(inject("emptyOut"));
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("names the invalid file and the bad field", async () => {
    await page.goto(`${inject("invalidUrl")}/compare`);
    await expect(page.locator("h1").textContent()).resolves.toBe("An artifact is invalid");
    const detail = await page.locator(".problem-detail").textContent();
    expect(detail).toContain("metrics.json");
    expect(detail).toContain("speakers.0.share_hedged");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("answers a CSV download without artifacts with a clear message, not a crash", async () => {
    const response = await fetch(`${inject("emptyUrl")}/download/speakers`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("pnpm pipeline");
  });
});
