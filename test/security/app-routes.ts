// Every page (app/**/page.tsx) and route handler (app/**/route.ts, with the HTTP methods
// it exports) read from the filesystem, so the cross-tenant spec (e2e/tenant-isolation.spec.ts)
// covers a route the day it is added. A route is tested as a tenant route when its path
// names a business's data ([businessId], [invoiceId] …), as a user route when it is listed
// in USER_ROUTES, and skipped only when listed in PUBLIC_ROUTES with a reason. Anything
// else fails the spec until it is classified here.
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const APP_DIR = path.join(ROOT, "app");
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The victim's ids and secrets a dynamic segment is filled with. */
export type Victim = { businessId: string; invoiceId: string; bankLineId: string; purchaseId: string };

/**
 * How to fill each dynamic segment with the victim's real data. A new segment name
 * ([membershipId], [token] …) fails the spec until it is added here.
 */
export const SEGMENT_VALUES: Record<string, (victim: Victim) => string> = {
  businessId: (victim) => victim.businessId,
  invoiceId: (victim) => victim.invoiceId,
  lineId: (victim) => victim.bankLineId,
  // A deadline of any business with a crossing in the KOR; the victim's business is named by businessId.
  deadlineKey: () => "VAT_RETURN_DUE:2026-Q4",
  purchaseId: (victim) => victim.purchaseId,
  // A VAT-return period: the current quarter, where the victim's invoices are dated.
  period: () => {
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Amsterdam" });
    return `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  },
};

/** Routes that hold no tenant data: not tested here, each with the reason. */
export const PUBLIC_ROUTES: Record<string, string> = {
  "/": "the start page only redirects (to /businesses or /login)",
  "/login": "the sign-in form",
  "/register": "the registration form",
  "/forgot-password":
    "asks for an e-mail address; the same answer whether or not an account exists (lib/platform/auth/password-reset tests)",
  "/reset-password": "sets a new password with a single-use token from the mail, no session (lib/platform/auth/password-reset tests)",
  "/verify-email": "verifies an address by the single-use token from the mail, no session needed (test/users/registration.int.test.ts)",
  "/invitation":
    "an invitation by the single-use token from its mail, shown only to the signed-in verified invitee (test/accountant/verified-invitations.int.test.ts)",
  "/unsubscribe": "confirms an unsubscribe by its signed token, no session (lib/features/notifications unsubscribe tests)",
  "/api/auth/[...nextauth]": "next-auth's sign-in, session and sign-out endpoints",
  "/api/health": "liveness and database check, no data",
  "/api/ready": "readiness: database reachable and not shutting down, no data",
  "/api/v1/openapi.json": "the public API description",
  "/api/notifications/unsubscribe": "one-click unsubscribe by signed token, no session (lib/features/notifications unsubscribe tests)",
  "/api/calendar/[secret]":
    "a user's calendar feed by its secret URL for calendar apps, no session; an unknown or revoked secret answers 404, the deadlines are read as the feed's user (lib/features/calendar/calendar-feed.int.test.ts)",
  "/api/passkeys/login-options":
    "a single-use WebAuthn challenge for the login page, before anyone is logged in; no data (test/api/passkeys.int.test.ts)",
};

/**
 * Routes of the signed-in user's own data (no business in the path): a stranger gets
 * their own (empty) view with none of the victim's data; no session is refused.
 */
export const USER_ROUTES: Record<string, string> = {
  "/businesses": "the caller's businesses",
  "/businesses/new": "a form to create the caller's own business",
  "/accountant": "the caller's clients as an accountant",
  "/accountant/export": "CSV of the caller's clients",
  "/notifications": "the caller's notifications",
  "/notifications/outbox": "mails sent to the caller",
  "/settings/tokens": "the caller's API tokens",
  "/settings/account": "the caller's own password change",
  "/api/v1/businesses": "GET lists the caller's businesses, POST creates one owned by the caller",
};

export type AppPage = { file: string; pattern: string };
export type AppRoute = { file: string; pattern: string; methods: HttpMethod[]; notAllowed: HttpMethod[] };

function walk(dir: string, name: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, name);
    return name.test(entry.name) ? [full] : [];
  });
}

/** app/(app)/businesses/[businessId]/page.tsx → /businesses/[businessId] */
export function urlPattern(file: string): string {
  const segments = path
    .relative(APP_DIR, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

export function dynamicSegments(pattern: string): string[] {
  return [...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((match) => match[1]!);
}

/** The methods a route file exports, and which of them are wired to the 405 answer. */
export function exportedMethods(source: string): { methods: HttpMethod[]; notAllowed: HttpMethod[] } {
  const methods: HttpMethod[] = [];
  const notAllowed: HttpMethod[] = [];
  const reexports = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((match) =>
    match[1]!.split(",").map((part) =>
      part
        .trim()
        .split(/\s+as\s+/)
        .pop()!
        .trim(),
    ),
  );
  for (const method of HTTP_METHODS) {
    const declared = new RegExp(`export\\s+(async\\s+)?function\\s+${method}\\b|export\\s+const\\s+${method}\\s*=`).test(source);
    if (!declared && !reexports.includes(method)) continue;
    methods.push(method);
    if (new RegExp(`export\\s+const\\s+${method}\\s*=\\s*(notAllowed|methodNotAllowed)\\b`).test(source)) notAllowed.push(method);
  }
  return { methods, notAllowed };
}

export function collectPages(): AppPage[] {
  return walk(APP_DIR, /^page\.(tsx|ts|jsx|js)$/)
    .map((file) => ({ file: path.relative(ROOT, file), pattern: urlPattern(file) }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export function collectRoutes(): AppRoute[] {
  return walk(APP_DIR, /^route\.(ts|tsx|js|mjs)$/)
    .map((file) => ({ file: path.relative(ROOT, file), pattern: urlPattern(file), ...exportedMethods(fs.readFileSync(file, "utf8")) }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export type Classification =
  | { kind: "tenant" }
  | { kind: "user"; reason: string }
  | { kind: "public"; reason: string }
  | { kind: "unclassified"; problem: string };

export function classify(pattern: string): Classification {
  if (PUBLIC_ROUTES[pattern]) return { kind: "public", reason: PUBLIC_ROUTES[pattern] };
  if (USER_ROUTES[pattern]) return { kind: "user", reason: USER_ROUTES[pattern] };
  const segments = dynamicSegments(pattern);
  const unknown = segments.filter((segment) => !SEGMENT_VALUES[segment]);
  if (unknown.length)
    return { kind: "unclassified", problem: `${pattern}: add [${unknown.join("], [")}] to SEGMENT_VALUES in test/security/app-routes.ts` };
  if (segments.length === 0)
    return {
      kind: "unclassified",
      problem: `${pattern}: list it in USER_ROUTES or PUBLIC_ROUTES (with a reason) in test/security/app-routes.ts`,
    };
  return { kind: "tenant" };
}

/** The URL of a pattern with every dynamic segment filled with the victim's data. */
export function fillPattern(pattern: string, victim: Victim): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => encodeURIComponent(SEGMENT_VALUES[name]!(victim)));
}
