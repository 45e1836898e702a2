// Registration must not reveal by its timing whether an address has an account (issue
// #15). Registrations of a known and an unknown address are timed in pairs, back to back
// in random order, so that load on the machine hits both alike; the median of the pairs'
// ratios must be near 1. Both hash the password (the bulk of the time) and write one
// transaction: the insert (a no-op for a known address), the account's lookup and the
// mail, plus the link's token for a new account.
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { registerUser } from "@/lib/features/users/register-user";

const PAIRS = 40;
const WARM_UP = 5;
/** How much slower (or faster) a known address may be, as the median of the pairs' ratios. */
const MAX_RATIO = 1.4;

const run = crypto.randomBytes(4).toString("hex");
const knownEmails = Array.from({ length: PAIRS + WARM_UP }, (_, i) => `reg-timing-${run}-${i}@test.drempel.nl`);
const unknownEmails = Array.from({ length: PAIRS + WARM_UP }, (_, i) => `reg-timing-new-${run}-${i}@test.drempel.nl`);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function timed(email: string, i: number): Promise<number> {
  const started = performance.now();
  await registerUser({
    input: { name: `Timing ${i}`, email, password: "een-lang-wachtwoord" },
    ip: `203.0.113.${i % 250}-${run}-${email}`,
  });
  return performance.now() - started;
}

beforeAll(async () => {
  await db().user.createMany({
    data: knownEmails.map((email, i) => ({ email, name: `Bekend ${i}`, passwordHash: "not-a-real-hash", emailVerifiedAt: new Date() })),
  });
});

afterAll(async () => {
  const addresses = [...knownEmails, ...unknownEmails];
  await db().outboxJob.deleteMany({ where: { toAddress: { in: addresses } } });
  await db().user.deleteMany({ where: { email: { in: addresses } } });
});

it("takes as long for an existing address as for a new one", async () => {
  const ratios: number[] = [];
  for (let i = 0; i < PAIRS + WARM_UP; i++) {
    const times: Record<string, number> = {};
    for (const kind of crypto.randomInt(2) === 0 ? ["known", "unknown"] : ["unknown", "known"]) {
      times[kind] = await timed(kind === "known" ? knownEmails[i]! : unknownEmails[i]!, i);
    }
    if (i >= WARM_UP) ratios.push(times.known! / times.unknown!);
  }
  const ratio = median(ratios);
  console.log(`registration timing: median pair ratio known/new ${ratio.toFixed(2)} (${PAIRS} pairs)`);
  expect(ratio).toBeLessThan(MAX_RATIO);
  expect(ratio).toBeGreaterThan(1 / MAX_RATIO);
}, 120_000);
