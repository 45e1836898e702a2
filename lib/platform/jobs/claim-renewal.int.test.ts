// A worker's lease covers the job it is working on, not the whole batch it claimed: with a
// slow SMTP server, the rows at the end of a batch outlive the lease while the worker is
// still on the first ones. Another worker then takes them over (they look abandoned) and
// sends them — and the first worker must not send them again when it gets there.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createWorker } from "@/lib/platform/jobs/worker";
import type { MailTransport } from "@/lib/platform/mail/transport";

const LEASE_MS = 4_000;
const SECOND = 1_000;

/**
 * An SMTP server that holds each "slow" mail until the test releases it (the sender's clock
 * stands still meanwhile); `started` resolves once the sender is in that mail's conversation.
 */
function heldTransport(sent: string[]) {
  const gates = new Map<string, { started: () => void; isStarted: Promise<void>; release: () => void; released: Promise<void> }>();
  const gate = (subject: string) => {
    let entry = gates.get(subject);
    if (!entry) {
      let started = () => {};
      let release = () => {};
      const isStarted = new Promise<void>((resolve) => (started = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      entry = { started, isStarted, release, released };
      gates.set(subject, entry);
    }
    return entry;
  };
  const transport: MailTransport = {
    name: "smtp",
    async send(mail) {
      if (mail.subject.includes("slow")) {
        gate(mail.subject).started();
        await gate(mail.subject).released;
      }
      sent.push(mail.subject);
      return { messageId: `<${mail.subject}@test>` };
    },
  };
  return { transport, started: (subject: string) => gate(subject).isStarted, release: (subject: string) => gate(subject).release() };
}

describe("the outbox lease", () => {
  it("is renewed per job: rows taken over by another worker while this one was busy are not sent twice", async () => {
    const tag = `lease-${Date.now()}`;
    const t0 = Date.now() - 60_000;
    const subjects = [`${tag} slow 1`, `${tag} slow 2`, `${tag} fast`];
    await db().outboxJob.createMany({
      data: subjects.map((subject, i) => ({
        kind: "ACCESS_EMAIL" as const,
        toAddress: `${tag}@test.drempel.nl`,
        subject,
        textBody: subject,
        htmlBody: subject,
        nextAttemptAt: new Date(t0 + i),
      })),
    });
    // Both workers read one clock, which the test moves: the leases run on it, not on how
    // fast this machine happens to be.
    const claimedAt = Date.now();
    let now = new Date(claimedAt);
    const clock = () => now;
    const sent: string[] = [];
    const smtp = heldTransport(sent);
    const a = createWorker({
      transport: smtp.transport,
      appUrl: "http://drempel.test",
      workerId: "lease-a",
      leaseMs: LEASE_MS,
      kinds: ["ACCESS_EMAIL"],
      clock,
      log: () => {},
    });
    const b = createWorker({
      transport: heldTransport(sent).transport,
      appUrl: "http://drempel.test",
      workerId: "lease-b",
      leaseMs: LEASE_MS,
      kinds: ["ACCESS_EMAIL"],
      clock,
      log: () => {},
    });

    // A claims all three and spends 3 s on each slow one. When B looks, 5 s after A's
    // claim, the fast row has waited in A's batch longer than the 4 s lease (B takes it and
    // sends it); slow 1 is sent and slow 2 is A's current job, claimed again when A began it.
    const first = a.runOnce();
    await smtp.started(`${tag} slow 1`);
    now = new Date(claimedAt + 3 * SECOND);
    smtp.release(`${tag} slow 1`);
    await smtp.started(`${tag} slow 2`);
    now = new Date(claimedAt + 5 * SECOND);
    expect(await b.runOnce()).toMatchObject({ claimed: 1, done: 1 });
    now = new Date(claimedAt + 6 * SECOND);
    smtp.release(`${tag} slow 2`);
    await first;

    const ours = sent.filter((subject) => subject.startsWith(tag)).sort();
    expect(ours).toEqual([...subjects].sort());
    const rows = await db().outboxJob.findMany({
      where: { subject: { in: subjects } },
      select: { subject: true, status: true, lockedBy: true },
    });
    expect(rows.every((row) => row.status === "SENT")).toBe(true);
    expect(rows.find((row) => row.subject === `${tag} fast`)?.lockedBy).toBe("lease-b");
  });
});
