// npm run bench:lighthouse — Lighthouse (desktop preset, Debian's Chromium) against the
// built app on the embedded demo data: the dashboard of the demo business near the limit.
// Prints performance, accessibility and best-practices scores and LCP/TBT/CLS.
// Targets on these machines: performance ≥ 90, accessibility ≥ 95, LCP under 1.5 s.
// BENCH_PORT (default 3600) is the server's port; LIGHTHOUSE_REPORT=file keeps the JSON report.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { chromium } from "@playwright/test";
import { ensureBuilt } from "@/scripts/bootstrap.mjs";
import { waitFor } from "@/bench/http-helpers";

const PORT = Number(process.env.BENCH_PORT ?? 3600);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Logs in as the demo owner and returns the session cookie and the dashboard URL. */
async function demoSession(): Promise<{ cookie: string; url: string }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((f) => !f.startsWith("--headless")) });
  const page = await browser.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel("E-mailadres").fill("eigenaar@demo.drempel.nl");
  await page.getByLabel("Wachtwoord").fill("drempel-demo");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("link", { name: "Studio Eva" }).click();
  await page.waitForURL(/\/businesses\/[0-9a-f-]{36}$/);
  const url = page.url();
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await browser.close();
  return { cookie, url };
}

async function main() {
  ensureBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "drempel-lighthouse-"));
  const server = spawn("node", ["scripts/start.mjs", "--no-build"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      DREMPEL_DATA_DIR: dataDir,
      PORT: String(PORT),
      HOSTNAME_BIND: "127.0.0.1",
      NEXTAUTH_URL: BASE,
      NEXTAUTH_SECRET: "lighthouse-secret-0123456789abcdef",
    },
    stdio: "ignore",
  });
  try {
    await waitFor(`${BASE}/api/health`, 120_000, 500);
    const { cookie, url } = await demoSession();
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
    try {
      // One warm-up run (first compilation of the route, caches), then the measured run.
      const options = { port: chrome.port, output: "json" as const, logLevel: "error" as const, extraHeaders: { Cookie: cookie } };
      await lighthouse(url, options, desktopConfig);
      const result = await lighthouse(url, options, desktopConfig);
      const lhr = result!.lhr;
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      console.log(`Lighthouse ${lhr.lighthouseVersion}, desktop preset, dashboard of the demo business (${url.replace(BASE, "")})`);
      console.log(
        `performance ${score("performance")} (target ≥ 90), accessibility ${score("accessibility")} (target ≥ 95), best practices ${score("best-practices")}`,
      );
      console.log(
        `LCP ${(audit("largest-contentful-paint") / 1000).toFixed(2)} s (target < 1.5 s), TBT ${Math.round(audit("total-blocking-time"))} ms, CLS ${audit("cumulative-layout-shift").toFixed(3)}`,
      );
      const failing = Object.values(lhr.audits).filter(
        (a) => a.score !== null && a.score < 1 && lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id),
      );
      if (failing.length) console.log(`accessibility audits below 100: ${failing.map((a) => a.id).join(", ")}`);
      // LIGHTHOUSE_REPORT=file.json keeps the whole report, to see what costs main-thread time.
      if (process.env.LIGHTHOUSE_REPORT) fs.writeFileSync(process.env.LIGHTHOUSE_REPORT, JSON.stringify(lhr));
    } finally {
      chrome.kill();
    }
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
