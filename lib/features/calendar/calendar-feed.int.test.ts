// The calendar feed against the real database: the deadlines of every business the user
// sees (owned, and as accountant), none of anyone else's; a revoked or replaced secret
// answers nothing (404); the secret is stored only as a hash; creating and revoking are in
// the security log. The .ics is parsed with ical.js, not searched as text.
import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { getDashboard } from "@/lib/features/dashboard/get-dashboard";
import { createCalendarFeed, getCalendarFeedState, revokeCalendarFeed } from "@/lib/features/calendar/manage-calendar-feed";
import { getCalendarFeed } from "@/lib/features/calendar/get-calendar-feed";
import { hashFeedSecret } from "@/lib/features/calendar/feed-secret";
import { GET } from "@/app/api/calendar/[secret]/route";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { counted, countStatementsInThisFile } from "@/test/integration/count-statements";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

countStatementsInThisFile();

const APP = "https://drempel.test";
const invoice = (number: string, date: string, netCents: number) => ({
  number,
  date,
  customer: { name: `Klant ${number}` },
  category: "NL_STANDARD",
  netCents,
});

type Event = { uid: string; summary: string; date: string; allDay: boolean; description: string };

function parseIcs(text: string): Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      date: event.startDate.toString(),
      allDay: event.startDate.isDate,
      description: event.description,
    };
  });
}

let owner: { id: string };
let accountant: { id: string };
let outsider: { id: string };
let own: BusinessDto;
let client: BusinessDto;
let others: BusinessDto;

beforeEach(async () => {
  owner = await createUser("cal-owner");
  accountant = await createUser("cal-accountant");
  outsider = await createUser("cal-outsider");
  own = await createOwnedBusiness(owner.id, "Eigen Zaak");
  client = await createOwnedBusiness(accountant.id, "Klantzaak");
  others = await createOwnedBusiness(outsider.id, "Andermans Zaak");
  // The owner is the accountant of "Klantzaak" (read-only), so sees it too.
  await db().membership.create({ data: { businessId: client.id, userId: owner.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
  const year = new Date().getUTCFullYear();
  // Every business crosses the KOR limit this year, so each has a VAT return deadline.
  for (const [business, ownerId] of [
    [own, owner.id],
    [client, accountant.id],
    [others, outsider.id],
  ] as const) {
    await createInvoice({
      caller: { userId: ownerId },
      businessId: business.id,
      input: invoice(`${year}-001`, `${year}-02-03`, 2_500_000),
    });
  }
});

describe("the calendar feed", () => {
  it("lists every deadline of every business the user sees, owned and as accountant, and none of others'", async () => {
    const { secret } = await createCalendarFeed({ caller: { userId: owner.id } });
    const ics = await getCalendarFeed({ secret, appUrl: APP });
    expect(ics).not.toBeNull();
    const events = parseIcs(ics!);

    const expected = [];
    for (const business of [own, client]) {
      const dashboard = await getDashboard({ caller: { userId: owner.id }, businessId: business.id });
      const deadlines = dashboard.deadlines.filter((d) => !d.choice);
      expect(deadlines.length).toBeGreaterThan(0);
      expect(deadlines.some((d) => d.kind === "VAT_RETURN_DUE")).toBe(true);
      for (const d of deadlines) expected.push({ business, date: d.date, kind: d.kind });
    }
    expect(events).toHaveLength(expected.length);
    for (const want of expected) {
      const match = events.find((e) => e.date === want.date && e.uid.startsWith(`${want.business.id}-${want.kind}`));
      expect(match, `${want.business.name} ${want.kind} ${want.date}`).toBeDefined();
      expect(match!.allDay).toBe(true);
      expect(match!.summary.startsWith(`${want.business.name}: `)).toBe(true);
    }
    // Dutch by default: the VAT return is "Btw-aangifte".
    expect(events.some((e) => e.summary === "Eigen Zaak: Btw-aangifte")).toBe(true);
    expect(events.some((e) => e.uid.startsWith(others.id) || e.summary.includes("Andermans Zaak"))).toBe(false);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it("keeps each deadline's UID across requests and follows the books: a new deadline appears without a new secret", async () => {
    const { secret } = await createCalendarFeed({ caller: { userId: owner.id } });
    const before = parseIcs((await getCalendarFeed({ secret, appUrl: APP }))!);
    const again = parseIcs((await getCalendarFeed({ secret, appUrl: APP }))!);
    expect(again.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    // A business the user gets later is in the next fetch.
    const late = await createOwnedBusiness(owner.id, "Nieuwe Zaak");
    const year = new Date().getUTCFullYear();
    await createInvoice({ caller: { userId: owner.id }, businessId: late.id, input: invoice(`${year}-001`, `${year}-03-03`, 2_500_000) });
    const after = parseIcs((await getCalendarFeed({ secret, appUrl: APP }))!);
    expect(after.some((e) => e.summary.startsWith("Nieuwe Zaak: "))).toBe(true);
  });

  it("reads the books of all the user's businesses at once: as many statements for six businesses as for one", async () => {
    const year = new Date().getUTCFullYear();
    const feedOf = async (name: string, businesses: number) => {
      const user = await createUser(name);
      for (let i = 0; i < businesses; i++) {
        const business = await createOwnedBusiness(user.id, `${name} ${i}`);
        await createInvoice({
          caller: { userId: user.id },
          businessId: business.id,
          input: invoice(`${year}-001`, `${year}-02-0${1 + i}`, 2_500_000),
        });
      }
      const { secret } = await createCalendarFeed({ caller: { userId: user.id } });
      // Fresh books: nothing of these businesses has been read or kept before.
      const { result, statements } = await counted(() => getCalendarFeed({ secret, appUrl: APP }));
      const summaries = new Set(parseIcs(result!).map((e) => e.summary.split(":")[0]));
      return { statements: statements.length, businesses: summaries.size };
    };
    const one = await feedOf("cal-een", 1);
    const six = await feedOf("cal-zes", 6);
    expect(one.businesses).toBe(1);
    expect(six.businesses, "every business in the feed").toBe(6);
    expect(six.statements, `${six.statements} statements for six businesses, ${one.statements} for one`).toBe(one.statements);
  });

  it("speaks the user's language", async () => {
    await db().user.update({ where: { id: owner.id }, data: { locale: "en" } });
    const { secret } = await createCalendarFeed({ caller: { userId: owner.id } });
    const events = parseIcs((await getCalendarFeed({ secret, appUrl: APP }))!);
    expect(events.some((e) => e.summary === "Eigen Zaak: VAT return")).toBe(true);
  });

  it("stores only the secret's hash, and logs creating and revoking as security events", async () => {
    const { secret, prefix } = await createCalendarFeed({ caller: { userId: owner.id } });
    const row = await db().calendarFeed.findUniqueOrThrow({ where: { userId: owner.id } });
    expect(row.tokenHash).toBe(hashFeedSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(await getCalendarFeedState({ caller: { userId: owner.id } })).toMatchObject({ prefix });
    expect(await getCalendarFeedState({ caller: { userId: outsider.id } })).toBeNull();
    await revokeCalendarFeed({ caller: { userId: owner.id } });
    const log = await db().auditLog.findMany({ where: { actorId: owner.id, entityType: "CalendarFeed" }, orderBy: { createdAt: "asc" } });
    expect(log.map((entry) => entry.action)).toEqual(["security.calendarFeedCreate", "security.calendarFeedRevoke"]);
    expect(JSON.stringify(log)).not.toContain(secret);
  });
});

describe("GET /api/calendar/{secret}.ics", () => {
  const fetchFeed = (secret: string) =>
    GET(new Request(`${APP}/api/calendar/${secret}.ics`), { params: Promise.resolve({ secret: `${secret}.ics` }) });

  it("answers the feed without a session, as text/calendar", async () => {
    const { secret } = await createCalendarFeed({ caller: { userId: owner.id } });
    const response = await fetchFeed(secret);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    expect(parseIcs(await response.text()).length).toBeGreaterThan(0);
  });

  it("answers 404 for a revoked secret, a replaced one, an unknown and a malformed one", async () => {
    const first = await createCalendarFeed({ caller: { userId: owner.id } });
    const second = await createCalendarFeed({ caller: { userId: owner.id } });
    expect((await fetchFeed(first.secret)).status).toBe(404);
    expect((await fetchFeed(second.secret)).status).toBe(200);
    await revokeCalendarFeed({ caller: { userId: owner.id } });
    expect((await fetchFeed(second.secret)).status).toBe(404);
    expect((await fetchFeed(`cal_${"A".repeat(43)}`)).status).toBe(404);
    expect((await fetchFeed("nonsense")).status).toBe(404);
    await expect(revokeCalendarFeed({ caller: { userId: owner.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an outsider's feed holds none of the owner's businesses", async () => {
    const { secret } = await createCalendarFeed({ caller: { userId: outsider.id } });
    const events = parseIcs(await (await fetchFeed(secret)).text());
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.summary.startsWith("Andermans Zaak: "))).toBe(true);
  });

  it("rate-limits one secret's requests", async () => {
    const { secret } = await createCalendarFeed({ caller: { userId: owner.id } });
    await db().rateLimit.upsert({
      where: { key: `calendar:feed:${hashFeedSecret(secret).slice(0, 32)}` },
      create: { key: `calendar:feed:${hashFeedSecret(secret).slice(0, 32)}`, count: 1000, resetAt: new Date(Date.now() + 60_000) },
      update: { count: 1000, resetAt: new Date(Date.now() + 60_000) },
    });
    const response = await fetchFeed(secret);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
