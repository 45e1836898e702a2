// System mode (every tenant's rows) is the worker's role's (lib/platform/db/context-pool.ts): only
// the queue worker, seeding and scripts may ask for it. A web request never does: what
// the web once did in system mode (password reset, access requests by KVK number) goes
// through narrow SECURITY DEFINER functions as the user or as nobody. This test lists
// every caller of runAsSystem outside tests, scripts and benchmarks.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const WEB_CODE = ["app", "components", "lib", "instrumentation.ts", "proxy.ts", "server.ts"];
/** The worker (its jobs run in the web process too with ALERT_WORKER=inline, on the worker role's own pool) and seeding. */
const ALLOWED = ["lib/platform/jobs/worker.ts", "lib/platform/jobs/delete-expired-rows.ts", "lib/features/demo/seed-demo.ts"];

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs.readdirSync(full).flatMap((name) => (name === "generated" || name === "testing" ? [] : sourceFiles(path.join(entry, name))));
}

describe("runAsSystem callers", () => {
  it("are the worker and seeding only, never web code", () => {
    const callers = WEB_CODE.flatMap(sourceFiles)
      .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file))
      .filter((file) => /\brunAsSystem\s*\(/.test(fs.readFileSync(path.join(ROOT, file), "utf8")))
      .sort();
    expect(callers).toEqual([...ALLOWED].sort());
  });
});
