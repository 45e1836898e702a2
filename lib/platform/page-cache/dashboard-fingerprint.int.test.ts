// The dashboard's fingerprint (dashboard-fingerprint.ts) against the real database, read
// as the app reads it: through a ContextPool of its own, as drempel_app, under the user's
// row-level security. The page cache serves a stored page only while this fingerprint is
// unchanged, so every change of something the page shows (the books, the business, its KOR
// periods and investment goods, the header's business switcher, the unread notifications,
// pending accountant invitations, the user, their membership) must change it, and changes
// of other users and businesses, or of rows the page does not show, must leave it equal.
// Every change is made with the application's own functions; only the user's name (no
// function changes it) is written directly, in system mode.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeAccountantAccess } from "@/lib/features/accountant/change-accountant-access";
import { addFirmColleague, createFirm } from "@/lib/features/accountant/firms";
import { setFirmTwoFactorRequirement } from "@/lib/features/accountant/firm-two-factor";
import { inviteAccountant } from "@/lib/features/accountant/invite-accountant";
import { INVITATION_DAYS } from "@/lib/features/accountant/accountant.types";
import { respondToInvitation } from "@/lib/features/accountant/respond-to-invitation";
import { revokeAccountant } from "@/lib/features/accountant/revoke-accountant";
import { withdrawInvitation } from "@/lib/features/accountant/withdraw-invitation";
import { evaluateBusinessAlerts } from "@/lib/features/alerts/evaluate-business-alerts";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { recordKorDeregistration, undoKorDeregistration } from "@/lib/features/businesses/kor-deregistration";
import { updateBusiness } from "@/lib/features/businesses/update-business";
import { db } from "@/lib/platform/db/client";
import { ContextPool } from "@/lib/platform/db/context-pool";
import { runAsSystem } from "@/lib/platform/db/db-context";
import { env } from "@/lib/platform/env";
import { createInvestmentGood, deleteInvestmentGood, updateInvestmentGood } from "@/lib/features/investment-goods/save-investment-good";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice, restoreInvoice } from "@/lib/features/invoices/delete-invoice";
import { updateInvoice } from "@/lib/features/invoices/update-invoice";
import { addMember } from "@/lib/features/members/add-member";
import { changeMemberRole } from "@/lib/features/members/change-member-role";
import { removeMember } from "@/lib/features/members/remove-member";
import { countUnreadNotifications, listNotifications } from "@/lib/features/notifications/list-notifications";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/features/notifications/mark-notifications-read";
import { changePassword } from "@/lib/features/users/change-password";
import { registerUser } from "@/lib/features/users/register-user";
import { setLocale } from "@/lib/features/users/set-locale";
import { createOwnedBusiness, createUser, mailedInvitationToken } from "@/test/integration/factories";
import { startUserSession } from "@/lib/platform/auth/sessions/user-sessions";
import { dashboardFingerprintSql, fingerprintReader, type DashboardFingerprint } from "./dashboard-fingerprint";

let pool: ContextPool;
/** The fingerprint as read for a user's live session (one login per user, made on first use). */
let read: (options: { userId: string; businessId: string }) => Promise<DashboardFingerprint | null>;

const sessions = new Map<string, Promise<string>>();
const sessionOf = (userId: string) => {
  // A user that does not exist has no session; any id stands for it.
  if (!sessions.has(userId))
    sessions.set(
      userId,
      startUserSession({ userId }).catch(() => crypto.randomUUID()),
    );
  return sessions.get(userId)!;
};

beforeAll(() => {
  pool = new ContextPool({ connectionString: env().appDatabaseUrl!, max: 2 });
  const reader = fingerprintReader(pool);
  read = async ({ userId, businessId }) => reader({ userId, businessId, sessionId: await sessionOf(userId) });
});
afterAll(async () => {
  await pool.end();
});

const DAY = 86_400_000;
const UNKNOWN_BUSINESS = "00000000-0000-4000-8000-000000000000";
// Alerts are evaluated on a clock in a year ahead of the real one (as the alert tests do):
// 20 December, with the invoices of that year dated before it.
const ALERT_YEAR = new Date().getUTCFullYear() + 1;
const ALERT_NOW = new Date(Date.UTC(ALERT_YEAR, 11, 20, 10, 0, 0));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const invoice = (number: string, date: string, netCents: number) => ({
  number,
  date,
  customer: { name: `Klant ${number}` },
  category: "NL_STANDARD",
  netCents,
});
// The whole input updateBusiness replaces a business with (the factory's business, by default).
const facts = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kvkNumber: "12345678",
  korParticipations: [{ from: "2025-01-01" }],
  ...extra,
});

/** The fingerprint of a member's dashboard; two reads of the same state must agree. */
async function fingerprintOf(userId: string, businessId: string): Promise<string> {
  const first = await read({ userId, businessId });
  expect(first, "a member of the business gets a fingerprint").not.toBeNull();
  expect(first!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  expect(await read({ userId, businessId }), "the same state read again").toEqual(first);
  return first!.fingerprint;
}

/**
 * Follows one user's dashboard of one business through a series of changes: each step is
 * checked against the value just before it (and, for `changed`, against every earlier one:
 * new content must never look like an older page).
 */
async function watch(userId: string, businessId: string) {
  let last = await fingerprintOf(userId, businessId);
  const seen = [last];
  return {
    get value() {
      return last;
    },
    async changed(step: string): Promise<string> {
      const next = await fingerprintOf(userId, businessId);
      expect(next, `${step}: the fingerprint must change`).not.toBe(last);
      expect(seen, `${step}: the fingerprint must not be that of an earlier state`).not.toContain(next);
      seen.push(next);
      return (last = next);
    },
    /** The page shows again exactly what it showed in an earlier state. */
    async changedBackTo(step: string, earlier: string): Promise<string> {
      const next = await fingerprintOf(userId, businessId);
      expect(next, `${step}: the fingerprint must change`).not.toBe(last);
      expect(next, `${step}: the page is that of the earlier state again`).toBe(earlier);
      return (last = next);
    },
    async unchanged(step: string): Promise<void> {
      expect(await fingerprintOf(userId, businessId), `${step}: the fingerprint must stay equal`).toBe(last);
    },
  };
}

/** The alert evaluation the queue worker runs after a change of the books (notifications for every member). */
async function evaluateAlerts(businessId: string) {
  return runAsSystem(() =>
    db().$transaction((tx) => evaluateBusinessAlerts({ tx, businessId, now: ALERT_NOW, appUrl: "http://drempel.test" })),
  );
}

/** Books over 80% of the KOR limit in the alert year, evaluated: every member gets notifications. */
async function notifyMembers(caller: { userId: string }, businessId: string, number: string) {
  await createInvoice({ caller, businessId, input: invoice(number, `${ALERT_YEAR}-03-01`, 1_700_000) });
  const result = await evaluateAlerts(businessId);
  expect(result.notifications, "the evaluation notified the members").toBeGreaterThan(0);
  return result;
}

const membershipOf = (userId: string, businessId: string) =>
  runAsSystem(() => db().membership.findUniqueOrThrow({ where: { businessId_userId: { businessId, userId } } }));

describe("dashboardFingerprintSql", () => {
  it("passes the user and the business as parameters, never in the text", () => {
    const user = "11111111-1111-4111-8111-111111111111";
    const business = "22222222-2222-4222-8222-222222222222";
    const session = "33333333-3333-4333-8333-333333333333";
    const { text, values } = dashboardFingerprintSql(user, business, { sessionId: session, idleSeconds: 60 });
    expect(values).toEqual(expect.arrayContaining([business, user, session]));
    expect(text).not.toContain(user);
    expect(text).not.toContain(business);
    expect(text).not.toContain(session);
  });
});

describe("the dashboard fingerprint: who gets one", () => {
  it("gives a member the same fingerprint for the same state, with their password version, which a password change raises", async () => {
    const { email } = await registerUser({
      input: { name: "Eigenaar Wachtwoord", email: `pw-${crypto.randomUUID()}@test.drempel.nl`, password: "correct horse battery" },
    });
    const registered = await db().user.findUniqueOrThrow({ where: { email } });
    const business = await createOwnedBusiness(registered.id, "Wachtwoord BV");
    const first = await read({ userId: registered.id, businessId: business.id });
    expect(first).toEqual({ passwordVersion: 1, fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(await read({ userId: registered.id, businessId: business.id })).toEqual(first);

    // The browser that changes the password keeps its session (its cookie is re-issued with the new version).
    const { passwordVersion } = await changePassword({
      caller: { userId: registered.id },
      input: { currentPassword: "correct horse battery", newPassword: "another long secret" },
      keepSessionId: await sessionOf(registered.id),
    });
    expect(passwordVersion).toBe(2);
    const after = await read({ userId: registered.id, businessId: business.id });
    expect(after?.passwordVersion).toBe(2);
    expect(after?.fingerprint).not.toBe(first?.fingerprint);
  });

  it("gives nothing to an outsider, for an unknown business, or to an invitee who has not accepted", async () => {
    const owner = await createUser("owner");
    const outsider = await createUser("outsider");
    const business = await createOwnedBusiness(owner.id, "Geheim BV");
    expect(await read({ userId: owner.id, businessId: business.id })).not.toBeNull();
    expect(await read({ userId: outsider.id, businessId: business.id })).toBeNull();
    expect(await read({ userId: owner.id, businessId: UNKNOWN_BUSINESS })).toBeNull();
    expect(await read({ userId: "33333333-3333-4333-8333-333333333333", businessId: business.id })).toBeNull();
    // A pending invitation lets the invitee read the business's row (its name on
    // /accountant), but is no membership: still no dashboard.
    await inviteAccountant({
      caller: { userId: owner.id },
      businessId: business.id,
      input: { email: outsider.email, access: "READ_WRITE" },
    });
    expect(await read({ userId: outsider.id, businessId: business.id })).toBeNull();
  });

  it("gives nothing once a member is removed or an accountant's access is revoked", async () => {
    const owner = await createUser("owner");
    const member = await createUser("member");
    const accountant = await createUser("accountant");
    const business = await createOwnedBusiness(owner.id, "Toegang BV");
    const caller = { userId: owner.id };

    await addMember({ caller, businessId: business.id, input: { email: member.email } });
    const invitation = await inviteAccountant({ caller, businessId: business.id, input: { email: accountant.email } });
    await respondToInvitation({ caller: { userId: accountant.id }, token: await mailedInvitationToken(invitation.id), accept: true });
    await fingerprintOf(member.id, business.id);
    await fingerprintOf(accountant.id, business.id);

    await removeMember({ caller, businessId: business.id, membershipId: (await membershipOf(member.id, business.id)).id });
    expect(await read({ userId: member.id, businessId: business.id })).toBeNull();
    await fingerprintOf(accountant.id, business.id);

    await revokeAccountant({ caller, businessId: business.id, membershipId: (await membershipOf(accountant.id, business.id)).id });
    expect(await read({ userId: accountant.id, businessId: business.id })).toBeNull();
    await fingerprintOf(owner.id, business.id);
  });
});

describe("the dashboard fingerprint changes with everything the page shows", () => {
  it("the books: an invoice created, edited, deleted and restored", async () => {
    const owner = await createUser("owner");
    const business = await createOwnedBusiness(owner.id, "Boeken BV");
    const caller = { userId: owner.id };
    const page = await watch(owner.id, business.id);

    const created = await createInvoice({ caller, businessId: business.id, input: invoice("2025-001", "2025-02-01", 1_000_000) });
    await page.changed("invoice created");
    await createInvoice({ caller, businessId: business.id, input: invoice("2025-002", "2025-03-01", 250_000) });
    await page.changed("second invoice created");
    await updateInvoice({ caller, businessId: business.id, invoiceId: created.id, patch: { customer: { name: "Andere Klant" } } });
    await page.changed("invoice's customer edited");
    await updateInvoice({ caller, businessId: business.id, invoiceId: created.id, patch: { netCents: 1_100_000 } });
    await page.changed("invoice's amount edited");
    await deleteInvoice({ caller, businessId: business.id, invoiceId: created.id });
    await page.changed("invoice deleted");
    await restoreInvoice({ caller, businessId: business.id, invoiceId: created.id });
    await page.changed("invoice restored");
  });

  it("the deregistration after a crossing: ticked off, its date changed, taken back", async () => {
    const owner = await createUser("owner");
    const business = await createOwnedBusiness(owner.id, "Afmeld BV");
    const caller = { userId: owner.id };
    await createInvoice({ caller, businessId: business.id, input: invoice("2025-001", "2025-02-01", 2_100_000) });
    const page = await watch(owner.id, business.id);
    await recordKorDeregistration({ caller, businessId: business.id, input: { endDate: "2025-02-01", sentOn: "2025-02-03" } });
    await page.changed("deregistration ticked off");
    await recordKorDeregistration({ caller, businessId: business.id, input: { endDate: "2025-02-01", sentOn: "2025-02-04" } });
    await page.changed("its sending date changed");
    await undoKorDeregistration({ caller, businessId: business.id, endDate: "2025-02-01" });
    await page.changed("taken back");
  });

  it("the business: renamed, its VAT number, filing period and EU-KOR changed, its KOR period ended and removed", async () => {
    const owner = await createUser("owner");
    const business = await createOwnedBusiness(owner.id, "Feiten BV");
    const caller = { userId: owner.id };
    const page = await watch(owner.id, business.id);

    await updateBusiness({ caller, businessId: business.id, input: facts("Feiten en Co BV") });
    await page.changed("business renamed");
    await updateBusiness({ caller, businessId: business.id, input: facts("Feiten en Co BV", { vatNumber: "NL000099998B57" }) });
    await page.changed("VAT number set");
    await updateBusiness({
      caller,
      businessId: business.id,
      input: facts("Feiten en Co BV", { vatNumber: "NL000099998B57", filingPeriod: "month" }),
    });
    await page.changed("filing period changed");
    await updateBusiness({
      caller,
      businessId: business.id,
      input: facts("Feiten en Co BV", { vatNumber: "NL000099998B57", filingPeriod: "month", euKor: { memberStates: ["DE"] } }),
    });
    await page.changed("EU-KOR turned on");
    const withEuKor = { vatNumber: "NL000099998B57", filingPeriod: "month", euKor: { memberStates: ["DE"] } };
    await updateBusiness({
      caller,
      businessId: business.id,
      input: facts("Feiten en Co BV", { ...withEuKor, korParticipations: [{ from: "2025-01-01", to: "2025-12-31" }] }),
    });
    await page.changed("KOR period ended");
    await updateBusiness({ caller, businessId: business.id, input: facts("Feiten en Co BV", { ...withEuKor, korParticipations: [] }) });
    await page.changed("KOR period removed");
  });

  it("investment goods: added, changed and removed", async () => {
    const owner = await createUser("owner");
    const business = await createOwnedBusiness(owner.id, "Herziening BV");
    const caller = { userId: owner.id };
    const page = await watch(owner.id, business.id);
    const none = page.value;
    const car = { description: "Bestelauto", vat: "4.500", firstUseYear: 2025, kind: "MOVABLE" };

    const good = await createInvestmentGood({ caller, businessId: business.id, input: car });
    await page.changed("investment good added");
    await updateInvestmentGood({ caller, businessId: business.id, goodId: good.id, input: { ...car, vat: "5000,50" } });
    await page.changed("investment good's VAT changed");
    await updateInvestmentGood({
      caller,
      businessId: business.id,
      goodId: good.id,
      input: { ...car, vat: "5000,50", description: "Bestelbus" },
    });
    await page.changed("investment good renamed");
    await deleteInvestmentGood({ caller, businessId: business.id, goodId: good.id });
    // Goods are not part of the books (no booksVersion): the page is the one without goods.
    await page.changedBackTo("investment good removed", none);
  });

  it("the header's business switcher: another business of the user created and renamed, a business shared with them, and their leaving it", async () => {
    const owner = await createUser("owner");
    const other = await createUser("other");
    const business = await createOwnedBusiness(owner.id, "Hoofd BV");
    const caller = { userId: owner.id };
    const page = await watch(owner.id, business.id);

    const second = await createBusiness({ caller, input: { name: "Tweede BV", korParticipations: [] } });
    await page.changed("another business of the user created");
    await updateBusiness({ caller, businessId: second.id, input: { name: "Tweede en Co BV", korParticipations: [] } });
    await page.changed("another business of the user renamed");

    const shared = await createOwnedBusiness(other.id, "Gedeeld BV");
    await page.unchanged("a business the user does not belong to created");
    const withoutShared = page.value;
    await addMember({ caller: { userId: other.id }, businessId: shared.id, input: { email: owner.email } });
    await page.changed("the user added to someone else's business");
    await updateBusiness({ caller: { userId: other.id }, businessId: shared.id, input: facts("Gedeeld en Co BV") });
    await page.changed("that business renamed by its owner");
    await removeMember({ caller: { userId: other.id }, businessId: shared.id, membershipId: (await membershipOf(owner.id, shared.id)).id });
    await page.changedBackTo("the user removed from that business", withoutShared);
  });

  it("notifications: new unread ones, of another business of the user and of this one, and marking them read", async () => {
    const owner = await createUser("owner");
    const business = await createOwnedBusiness(owner.id, "Melding BV");
    const elsewhere = await createOwnedBusiness(owner.id, "Elders BV");
    const caller = { userId: owner.id };
    const page = await watch(owner.id, business.id);
    const none = page.value;

    // Another business's books are not on this page; its notifications are (the bell).
    await createInvoice({ caller, businessId: elsewhere.id, input: invoice(`${ALERT_YEAR}-001`, `${ALERT_YEAR}-03-01`, 1_700_000) });
    await page.unchanged("an invoice of another business of the user");
    await evaluateAlerts(elsewhere.id);
    const unread = await countUnreadNotifications({ caller });
    expect(unread).toBeGreaterThan(0);
    await page.changed("unread notifications of another business of the user created");

    const [first] = await listNotifications({ caller });
    await markNotificationRead({ caller, notificationId: first!.id });
    if (unread === 1) await page.changedBackTo("the only unread notification marked read", none);
    else await page.changed("one notification marked read");
    await markAllNotificationsRead({ caller });
    expect(await countUnreadNotifications({ caller })).toBe(0);
    if (unread === 1) await page.unchanged("nothing left unread");
    else await page.changedBackTo("all notifications marked read", none);

    // This business's own: the invoice changes the books, the evaluation the bell.
    await createInvoice({ caller, businessId: business.id, input: invoice(`${ALERT_YEAR}-001`, `${ALERT_YEAR}-03-01`, 1_700_000) });
    await page.changed("an invoice of this business");
    const booksOnly = page.value;
    await evaluateAlerts(business.id);
    expect(await countUnreadNotifications({ caller })).toBeGreaterThan(0);
    await page.changed("unread notifications of this business created");
    await markAllNotificationsRead({ caller });
    await page.changedBackTo("marked read", booksOnly);
  });

  it("accountant invitations to the user's address: pending, withdrawn, again pending, declined, accepted, and one that expires", async () => {
    const user = await createUser("accountant");
    const business = await createOwnedBusiness(user.id, "Eigen BV");
    const client = await createUser("client");
    const clientBusiness = await createOwnedBusiness(client.id, "Klant BV");
    const clientCaller = { userId: client.id };
    const page = await watch(user.id, business.id);
    const none = page.value;

    const invitation = await inviteAccountant({ caller: clientCaller, businessId: clientBusiness.id, input: { email: user.email } });
    const pending = await page.changed("invitation to the user's address created");
    await withdrawInvitation({ caller: clientCaller, businessId: clientBusiness.id, invitationId: invitation.id });
    await page.changedBackTo("invitation withdrawn", none);

    const again = await inviteAccountant({
      caller: clientCaller,
      businessId: clientBusiness.id,
      input: { email: user.email, access: "READ_WRITE" },
    });
    await page.changedBackTo("invited again", pending);
    const secondClient = await createUser("client");
    const secondBusiness = await createOwnedBusiness(secondClient.id, "Tweede Klant BV");
    const third = await inviteAccountant({
      caller: { userId: secondClient.id },
      businessId: secondBusiness.id,
      input: { email: user.email },
    });
    await page.changed("a second pending invitation");
    await respondToInvitation({ caller: { userId: user.id }, token: await mailedInvitationToken(third.id), accept: false });
    await page.changedBackTo("the second one declined", pending);

    await respondToInvitation({ caller: { userId: user.id }, token: await mailedInvitationToken(again.id), accept: true });
    await page.changed("invitation accepted (an accountant now, with a client business)");
    const accepted = page.value;

    // Expiry needs no write: an invitation that runs out is no longer pending.
    const fourthClient = await createUser("client");
    const fourthBusiness = await createOwnedBusiness(fourthClient.id, "Verlopen Klant BV");
    const expiresAt = Date.now() + 3_000;
    await inviteAccountant({
      caller: { userId: fourthClient.id },
      businessId: fourthBusiness.id,
      input: { email: user.email },
      now: new Date(expiresAt - INVITATION_DAYS * DAY),
    });
    await page.changed("an invitation about to expire");
    await sleep(Math.max(0, expiresAt - Date.now()) + 300);
    await page.changedBackTo("that invitation expired", accepted);
  });

  it("the user: name, language and accountant status", async () => {
    const owner = await createUser("owner");
    const business = await createOwnedBusiness(owner.id, "Persoon BV");
    const page = await watch(owner.id, business.id);

    // No application function renames a user; written directly.
    await runAsSystem(() => db().user.update({ where: { id: owner.id }, data: { name: "Nieuwe Naam" } }));
    await page.changed("user renamed");
    await setLocale({ userId: owner.id, locale: "en" });
    await page.changed("language set");
    await createFirm({ caller: { userId: owner.id }, input: { name: "Eigen Kantoor" } });
    await page.changed("became an accountant (own firm)");
  });

  it("the user's firm requiring a two-factor login they have not set up (the page then sends them to set it up)", async () => {
    const admin = await createUser("admin");
    const colleague = await createUser("colleague");
    const business = await createOwnedBusiness(colleague.id, "Kantoor BV");
    await createFirm({ caller: { userId: admin.id }, input: { name: "Kantoor" } });
    // No application function sets these up without a second device; written directly.
    await runAsSystem(() => db().user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date() } }));
    await runAsSystem(() => db().user.update({ where: { id: colleague.id }, data: { isAccountant: true } }));
    await addFirmColleague({ caller: { userId: admin.id }, input: { email: colleague.email } });
    const page = await watch(colleague.id, business.id);
    const open = page.value;

    await setFirmTwoFactorRequirement({ caller: { userId: admin.id }, input: { required: true } });
    await page.changed("the firm requires two-factor login the user has not set up");
    await setFirmTwoFactorRequirement({ caller: { userId: admin.id }, input: { required: false } });
    await page.changedBackTo("the requirement lifted", open);
  });

  it("the membership: an accountant's access level and a member's role", async () => {
    const owner = await createUser("owner");
    const member = await createUser("member");
    const accountant = await createUser("accountant");
    const business = await createOwnedBusiness(owner.id, "Rollen BV");
    const caller = { userId: owner.id };
    const invitation = await inviteAccountant({ caller, businessId: business.id, input: { email: accountant.email, access: "READ_ONLY" } });
    await respondToInvitation({ caller: { userId: accountant.id }, token: await mailedInvitationToken(invitation.id), accept: true });
    await addMember({ caller, businessId: business.id, input: { email: member.email } });

    const accountantPage = await watch(accountant.id, business.id);
    const readOnly = accountantPage.value;
    const accountantMembership = await membershipOf(accountant.id, business.id);
    await changeAccountantAccess({
      caller,
      businessId: business.id,
      membershipId: accountantMembership.id,
      input: { access: "READ_WRITE" },
    });
    await accountantPage.changed("accountant's access READ_ONLY → READ_WRITE");
    await changeAccountantAccess({
      caller,
      businessId: business.id,
      membershipId: accountantMembership.id,
      input: { access: "READ_ONLY" },
    });
    await accountantPage.changedBackTo("accountant's access back to READ_ONLY", readOnly);

    const memberPage = await watch(member.id, business.id);
    const asMember = memberPage.value;
    const memberMembership = await membershipOf(member.id, business.id);
    await changeMemberRole({ caller, businessId: business.id, membershipId: memberMembership.id, input: { role: "OWNER" } });
    await memberPage.changed("member made owner");
    await changeMemberRole({ caller, businessId: business.id, membershipId: memberMembership.id, input: { role: "MEMBER" } });
    await memberPage.changedBackTo("back to member", asMember);
    // Neither change is on the other's page.
    await accountantPage.unchanged("another member's role changed");
  });
});

describe("the dashboard fingerprint stays equal when nothing the page shows changes", () => {
  it("changes of other users and of businesses the user does not belong to", async () => {
    const owner = await createUser("owner");
    const business = await createOwnedBusiness(owner.id, "Eigen BV");
    const stranger = await createUser("stranger");
    const strangers = await createOwnedBusiness(stranger.id, "Vreemd BV");
    const strangerCaller = { userId: stranger.id };
    const page = await watch(owner.id, business.id);

    await createInvoice({ caller: strangerCaller, businessId: strangers.id, input: invoice("2025-001", "2025-02-01", 500_000) });
    await page.unchanged("an invoice of a business the user cannot see");
    await updateBusiness({ caller: strangerCaller, businessId: strangers.id, input: facts("Vreemd en Co BV", { filingPeriod: "month" }) });
    await page.unchanged("that business renamed and its facts changed");
    await createInvestmentGood({
      caller: strangerCaller,
      businessId: strangers.id,
      input: { description: "Pand", vat: "20.000", firstUseYear: 2025, kind: "IMMOVABLE" },
    });
    await page.unchanged("an investment good of that business");
    await runAsSystem(() => db().user.update({ where: { id: stranger.id }, data: { name: "Andere Vreemde" } }));
    await setLocale({ userId: stranger.id, locale: "en" });
    await page.unchanged("another user's name and language");
    await inviteAccountant({
      caller: strangerCaller,
      businessId: strangers.id,
      input: { email: `iemand-${crypto.randomUUID()}@test.drempel.nl` },
    });
    await page.unchanged("an invitation to another address");
    await notifyMembers(strangerCaller, strangers.id, `${ALERT_YEAR}-001`);
    expect(await countUnreadNotifications({ caller: strangerCaller })).toBeGreaterThan(0);
    await page.unchanged("another user's notifications");
    // Already expired when made (its fourteen days began long ago): nothing pending.
    await inviteAccountant({
      caller: strangerCaller,
      businessId: strangers.id,
      input: { email: owner.email },
      now: new Date(Date.now() - (INVITATION_DAYS + 1) * DAY),
    });
    await page.unchanged("an invitation to the user's address that has already expired");
  });

  it("changes within the user's business that the page does not show: another member, their notifications, an invitation of an accountant", async () => {
    const owner = await createUser("owner");
    const colleague = await createUser("colleague");
    const accountant = await createUser("accountant");
    const business = await createOwnedBusiness(owner.id, "Samen BV");
    const colleagues = await createOwnedBusiness(colleague.id, "Collega BV");
    const caller = { userId: owner.id };
    const page = await watch(owner.id, business.id);

    await addMember({ caller, businessId: business.id, input: { email: colleague.email } });
    await page.unchanged("another member added");
    await runAsSystem(() => db().user.update({ where: { id: colleague.id }, data: { name: "Collega Hernoemd" } }));
    await page.unchanged("the other member renamed");
    await changeMemberRole({
      caller,
      businessId: business.id,
      membershipId: (await membershipOf(colleague.id, business.id)).id,
      input: { role: "OWNER" },
    });
    await page.unchanged("the other member made owner");
    await notifyMembers({ userId: colleague.id }, colleagues.id, `${ALERT_YEAR}-001`);
    await page.unchanged("the other member's notifications of their own business");
    const invitation = await inviteAccountant({ caller, businessId: business.id, input: { email: accountant.email } });
    await page.unchanged("an accountant invited to the business");
    await withdrawInvitation({ caller, businessId: business.id, invitationId: invitation.id });
    await page.unchanged("that invitation withdrawn");
  });

  it("a notification of a business the user has left, marked read", async () => {
    const owner = await createUser("owner");
    const other = await createUser("other");
    const business = await createOwnedBusiness(owner.id, "Blijf BV");
    const left = await createOwnedBusiness(other.id, "Verlaten BV");
    await addMember({ caller: { userId: other.id }, businessId: left.id, input: { email: owner.email } });
    const page = await watch(owner.id, business.id);

    await notifyMembers({ userId: other.id }, left.id, `${ALERT_YEAR}-001`);
    await page.changed("notifications of a business the user belongs to");
    await removeMember({ caller: { userId: other.id }, businessId: left.id, membershipId: (await membershipOf(owner.id, left.id)).id });
    await page.changed("the user removed from that business (its notifications no longer counted)");
    expect(await countUnreadNotifications({ caller: { userId: owner.id } })).toBe(0);
    const marked = await markAllNotificationsRead({ caller: { userId: owner.id } });
    expect(marked, "the left business's notifications were still unread").toBeGreaterThan(0);
    await page.unchanged("the left business's notifications marked read");
  });
});
