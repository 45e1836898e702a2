// Mail reminders of the first VAT return after a crossing (issue #16, KOR-RULES §3.2),
// end to end below the browser: invoices saved through the app's functions, the daily
// schedule evaluating every business on the test clock, the outbox worker mailing through
// a real SMTP server in this process, the captured mails read. One reminder before the due
// date and one when late, exactly once per recipient, in each recipient's language, not to
// who switched the kind off, and none once the return is marked filed.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { markDeadlineDone } from "@/lib/features/deadlines/deadline-done";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { createWorker, type Worker } from "@/lib/platform/jobs/worker";
import { rulesFor } from "@/lib/kor";
import { createSmtpTransport } from "@/lib/platform/mail/transport";
import { updateNotificationSettings } from "@/lib/features/notifications/notification-settings";
import { startSmtpCapture, type SmtpCapture } from "@/lib/features/alerts/testing/smtp-capture";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

// Ahead of the real clock, so jobs queued at the real "now" are due for the test clock.
const YEAR = new Date().getUTCFullYear() + 1;
const NEXT = YEAR + 1;
const APP_URL = "http://drempel.test";
let now: Date;
let smtp: SmtpCapture;
const workers: Worker[] = [];

function makeWorker(): Worker {
  const worker = createWorker({
    transport: createSmtpTransport({ url: smtp.url, from: "Drempel <meldingen@drempel.test>", timeoutMs: 2_000 }),
    appUrl: APP_URL,
    clock: () => now,
    log: () => undefined,
  });
  workers.push(worker);
  return worker;
}

/** 11:00 in Amsterdam on that day: after the daily schedule's hour. */
const on = (date: string) => (now = new Date(`${date}T10:00:00Z`));
/** One day of the daily schedule on the test clock, with a fresh worker (a worker runs it once per day). */
async function day(date: string): Promise<void> {
  on(date);
  await makeWorker().runDailyIfDue();
}
const plain = (text: string | undefined) => (text ?? "").replace(/\u00a0/g, " ");
const reminders = (address: string) => smtp.mailsTo(address).filter((mail) => /btw-aangifte|VAT return/.test(mail.subject ?? ""));

async function setUp(name: string) {
  const nlOwner = await createUser("eigenaar");
  const enOwner = await db().user.update({ where: { id: (await createUser("owner")).id }, data: { locale: "en" } });
  const muted = await createUser("stil");
  const business = await createOwnedBusiness(nlOwner.id, name);
  await db().membership.create({ data: { businessId: business.id, userId: enOwner.id, role: "OWNER" } });
  await db().membership.create({ data: { businessId: business.id, userId: muted.id, role: "ACCOUNTANT", access: "READ_WRITE" } });
  await updateNotificationSettings({
    caller: { userId: muted.id },
    input: { dailyDigest: false, mutedKinds: ["DEADLINE_VAT_RETURN_DUE"] },
  });
  const add = (number: string, date: string, netCents: number) =>
    createInvoice({
      caller: { userId: nlOwner.id },
      businessId: business.id,
      input: { number, date, customer: { name: `Klant ${number}` }, category: "NL_STANDARD", netCents },
    });
  // In the KOR; €19,500, then €1,000 on 20 November: the Q4 return is due on 31 January.
  await add(`${YEAR}-001`, `${YEAR}-02-10`, 1_950_000);
  await add(`${YEAR}-002`, `${YEAR}-11-20`, 100_000);
  return { nlOwner, enOwner, muted, business };
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  on(`${YEAR}-11-21`);
  // Jobs other files of this run left go out first.
  await makeWorker().runUntilIdle();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(() => on(`${YEAR}-11-21`));
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

describe("reminders of the first VAT return after a crossing", () => {
  it("one before the due date and one when late, once per recipient, in their language, not to who switched them off", async () => {
    const { nlOwner, enOwner, muted } = await setUp("Aangifte BV");
    await makeWorker().runUntilIdle();
    const { daysBefore } = rulesFor(NEXT).firstVatReturnReminder;
    expect(daysBefore).toBe(14);
    await day(`${NEXT}-01-16`);
    expect(reminders(nlOwner.email)).toHaveLength(0);

    await day(`${NEXT}-01-17`); // 14 days before 31 January
    await day(`${NEXT}-01-18`);
    await day(`${NEXT}-01-31`);
    const [nl] = reminders(nlOwner.email);
    expect(reminders(nlOwner.email)).toHaveLength(1);
    expect(nl!.subject).toBe(`Aangifte BV: btw-aangifte 4e kwartaal ${YEAR} uiterlijk 31 januari ${NEXT}`);
    const nlText = plain(nl!.text);
    expect(nlText).toContain(`Beste ${nlOwner.name},`);
    expect(nlText).toContain(`Eerste btw-aangifte na de overschrijding: tijdvak 4e kwartaal ${YEAR}, uiterlijk 31 januari ${NEXT}.`);
    expect(nlText).toContain(`- Tijdvak: 4e kwartaal ${YEAR}`);
    expect(nlText).toContain(`- Uiterste datum: 31 januari ${NEXT}`);
    expect(nlText).toContain(`Dien je btw-aangifte over 4e kwartaal ${YEAR} in vóór 31 januari ${NEXT}`);
    expect(nlText).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    const [en] = reminders(enOwner.email);
    expect(reminders(enOwner.email)).toHaveLength(1);
    expect(en!.subject).toBe(`Aangifte BV: VAT return Q4 ${YEAR} due by 31 January ${NEXT}`);
    expect(plain(en!.text)).toContain(`- Deadline: 31 January ${NEXT}`);
    expect(reminders(muted.email)).toHaveLength(0);

    await day(`${NEXT}-02-01`);
    await day(`${NEXT}-02-02`);
    expect(reminders(nlOwner.email)).toHaveLength(2);
    const late = reminders(nlOwner.email)[1]!;
    expect(late.subject).toBe(`Aangifte BV: je btw-aangifte 4e kwartaal ${YEAR} is 1 dag te laat`);
    expect(plain(late.text)).toContain(`de uiterste datum was 31 januari ${NEXT}`);
    expect(reminders(enOwner.email).map((mail) => mail.subject)).toEqual([
      `Aangifte BV: VAT return Q4 ${YEAR} due by 31 January ${NEXT}`,
      `Aangifte BV: your VAT return Q4 ${YEAR} is 1 day late`,
    ]);
    expect(reminders(muted.email)).toHaveLength(0);
    // The muted member still sees both in the app.
    expect(await db().notification.count({ where: { userId: muted.id, alert: { code: "DEADLINE_VAT_RETURN_DUE" } } })).toBe(2);
  }, 120_000);

  it("no reminder once the return is marked filed", async () => {
    const { nlOwner, enOwner, business } = await setUp("Ingediend BV");
    await makeWorker().runUntilIdle();
    await markDeadlineDone({
      caller: { userId: nlOwner.id },
      businessId: business.id,
      key: `VAT_RETURN_DUE:${YEAR}-Q4`,
      input: { doneOn: `${YEAR}-12-28` },
      today: `${YEAR}-12-28`,
    });
    await day(`${NEXT}-01-17`);
    await day(`${NEXT}-02-01`);
    expect(reminders(nlOwner.email)).toHaveLength(0);
    expect(reminders(enOwner.email)).toHaveLength(0);
    expect(await db().businessAlert.count({ where: { businessId: business.id, code: "DEADLINE_VAT_RETURN_DUE" } })).toBe(0);
  });
});
