// A worker's lease covers the job it is working on, not the whole batch it claimed: with a
// slow SMTP server, the rows at the end of a batch outlive the lease while the worker is
// still on the first ones. Another worker then takes them over (they look abandoned) and
// sends them — and the first worker must not send them again when it gets there.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorker } from "@/lib/jobs/worker";
import type { MailTransport, OutgoingMail } from "@/lib/mail/transport";

const LEASE_MS = 4_000;
const SLOW_MS = 3_000;

function recordingTransport(sent: string[], delayFor: (mail: OutgoingMail) => number): MailTransport {
  return {
    name: "smtp",
    async send(mail) {
      await new Promise((resolve) => setTimeout(resolve, delayFor(mail)));
      sent.push(mail.subject);
      return { messageId: `<${mail.subject}@test>` };
    },
  };
}

describe("the outbox lease", () => {
  it("is renewed per job: rows taken over by another worker while this one was busy are not sent twice", { timeout: 60_000 }, async () => {
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
    const sent: string[] = [];
    const a = createWorker({
      transport: recordingTransport(sent, (mail) => (mail.subject.includes("slow") ? SLOW_MS : 0)),
      appUrl: "http://drempel.test",
      workerId: "lease-a",
      leaseMs: LEASE_MS,
      kinds: ["ACCESS_EMAIL"],
      log: () => {},
    });
    const b = createWorker({
      transport: recordingTransport(sent, () => 0),
      appUrl: "http://drempel.test",
      workerId: "lease-b",
      leaseMs: LEASE_MS,
      kinds: ["ACCESS_EMAIL"],
      log: () => {},
    });

    // A claims all three and spends 3 s on each slow one. When B looks, 5 s after A's
    // claim, the fast row has waited in A's batch longer than the 4 s lease (B takes it and
    // sends it); slow 1 is sent and slow 2 is A's current job, claimed again when A began it.
    const first = a.runOnce();
    const claimed = async () =>
      (await db().outboxJob.count({ where: { subject: { in: subjects }, lockedBy: "lease-a" } })) === subjects.length;
    while (!(await claimed())) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 1_000));
    await b.runOnce();
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
