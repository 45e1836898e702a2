// Cross-tenant refusal of every page and route handler, collected from app/ when the spec
// loads (test/security/app-routes.ts), against the real `next start`. A victim owns a
// business with invoices and alerts; an outsider (their own business, no access), an
// accountant whose access was revoked, and no session at all try every route and method
// with the victim's real ids. API: 404 (401 without credentials). Pages under a business:
// the not-found page without the victim's name or invoice number (a redirect to /login
// without a session). After each attempt the victim's rows in every tenant table are
// unchanged (md5 per table). The owner's own session is the control: the same pages do
// show the victim's data, so the "absent" checks can fail.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { e2eDatabaseUrl } from "../playwright.config";
import { ROOT, classify, collectPages, collectRoutes, fillPattern, type HttpMethod } from "../test/security/app-routes";
import type { Seeded } from "../test/security/seed-victim";
import { tenantChecksum } from "../test/security/checksum";

const PASSWORD = "een-lang-wachtwoord-voor-isolatie";
const pages = collectPages();
const routes = collectRoutes();

type Identity = { name: string; session?: APIRequestContext; token?: string; expect: "refused" | "anonymous" };

let seeded: Seeded;
let admin: pg.Client;
const contexts: Record<string, APIRequestContext> = {};

/** Valid bodies for the write methods, so a missing tenancy check would show as a write, not as a 400. */
function requestBody(method: HttpMethod, pattern: string): { data?: string; contentType?: string } {
  if (method === "POST" && pattern.endsWith("/invoices/e-invoices")) {
    return {
      data: fs.readFileSync(path.join(process.cwd(), "test/fixtures/ubl/domestic-s21.xml"), "utf8").replace("F2026-001", "INDRINGER-1"),
      contentType: "application/xml",
    };
  }
  if (method === "POST" && pattern.endsWith("/purchases/e-invoices")) {
    return {
      data: fs
        .readFileSync(path.join(process.cwd(), "test/fixtures/ubl-purchases/purchase-s21.xml"), "utf8")
        .replace("INK-2026-101", "INDRINGER-1"),
      contentType: "application/xml",
    };
  }
  if (method === "POST" && pattern.endsWith("/invoices/import"))
    return {
      data: "Factuurnummer;Datum;Klant;Bedrag excl. btw;Btw\nINDRINGER-1;02-01-2026;Indringer BV;100,00;21,00\n",
      contentType: "text/csv",
    };
  if (method === "POST" && pattern.endsWith("/invoices")) {
    return {
      data: JSON.stringify({
        number: "INDRINGER-1",
        date: "2026-01-02",
        customer: { name: "Indringer BV" },
        category: "NL_STANDARD",
        netCents: 100,
      }),
      contentType: "application/json",
    };
  }
  if (method === "POST" && pattern.endsWith("/bank-statements")) {
    const xml = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>I</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct><Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-01-02</Dt></BookgDt><AcctSvcrRef>INDRINGER-1</AcctSvcrRef></Ntry></Stmt></BkToCstmrStmt></Document>`;
    return { data: xml, contentType: "application/xml" };
  }
  if (method === "POST" && pattern.endsWith("/accept"))
    return { data: JSON.stringify({ category: "NL_STANDARD" }), contentType: "application/json" };
  if (method === "POST" && pattern.endsWith("/purchases/import"))
    return { data: "datum;leverancier;netto\n02-01-2026;Indringer BV;100,00\n", contentType: "text/csv" };
  if (method === "POST" && pattern.endsWith("/purchases"))
    return {
      data: JSON.stringify({ date: "2026-01-02", supplier: { name: "Indringer BV" }, netCents: 100 }),
      contentType: "application/json",
    };
  if (method === "POST" && pattern.endsWith("/filing"))
    return { data: JSON.stringify({ filedOn: "2026-01-02", correction: true }), contentType: "application/json" };
  if (method === "POST" && pattern === "/api/v1/businesses")
    return { data: JSON.stringify({ name: "Eigen zaak van de tester" }), contentType: "application/json" };
  if (method === "PATCH")
    return { data: JSON.stringify({ netCents: 1, customer: { name: "Indringer BV" } }), contentType: "application/json" };
  if (method === "GET" || method === "DELETE") return {};
  return { data: "{}", contentType: "application/json" };
}

async function send(
  identity: Identity,
  method: string,
  url: string,
  body: { data?: string; contentType?: string },
  baseURL: string,
): Promise<APIResponse> {
  const context = identity.session ?? contexts.anonymous!;
  const headers: Record<string, string> = { origin: baseURL };
  if (identity.token) headers.authorization = `Bearer ${identity.token}`;
  if (body.contentType) headers["content-type"] = body.contentType;
  return context.fetch(url, { method, headers, data: body.data, maxRedirects: 0, failOnStatusCode: false });
}

async function victimChecksum() {
  const query = async <T>(sql: string, params: unknown[] = []) => (await admin.query(sql, params)).rows as T[];
  return tenantChecksum(query, { businessIds: [seeded.businessId] });
}

function expectNoVictimData(text: string, label: string) {
  for (const secret of seeded.secrets) expect(text.includes(secret), `${label}: the answer contains "${secret}"`).toBe(false);
}

async function signIn(
  baseURL: string,
  email: string,
  playwright: typeof import("@playwright/test")["request"],
): Promise<APIRequestContext> {
  const context = await playwright.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBeLessThan(400);
  const cookies = (await context.storageState()).cookies.map((cookie) => cookie.name);
  expect(cookies, `session cookie for ${email}`).toContain("next-auth.session-token");
  return context;
}

/** The victim's world, made by the app's own functions in a tsx child (test/security/seed-victim.ts). */
function seed(): Seeded {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "test/security/seed-victim.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl, SEED_PASSWORD: PASSWORD },
    timeout: 90_000,
  });
  if (result.status !== 0) throw new Error(`seeding failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as Seeded;
}

test.describe("tenant isolation of every page and route handler", () => {
  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(120_000);
    const baseURL = test.info().project.use.baseURL!;
    seeded = seed();
    admin = new pg.Client({ connectionString: e2eDatabaseUrl });
    await admin.connect();
    contexts.anonymous = await playwright.request.newContext({ baseURL });
    contexts.owner = await signIn(baseURL, seeded.ownerEmail, playwright.request);
    contexts.outsider = await signIn(baseURL, seeded.outsiderEmail, playwright.request);
    contexts.accountant = await signIn(baseURL, seeded.accountantEmail, playwright.request);
  });

  test.afterAll(async () => {
    for (const context of Object.values(contexts)) await context.dispose();
    await admin?.end();
  });

  const strangers = (api: boolean): Identity[] => [
    { name: "outsider's session", session: contexts.outsider, expect: "refused" },
    ...(api ? [{ name: "outsider's API token", token: seeded.outsiderToken, expect: "refused" as const }] : []),
    { name: "revoked accountant's session", session: contexts.accountant, expect: "refused" },
    ...(api ? [{ name: "revoked accountant's API token", token: seeded.accountantToken, expect: "refused" as const }] : []),
    { name: "no session", expect: "anonymous" },
  ];

  test("every page and route handler is tested here or allow-listed with a reason", () => {
    const problems = [...pages, ...routes]
      .map((entry) => classify(entry.pattern))
      .flatMap((c) => (c.kind === "unclassified" ? [c.problem] : []));
    expect(problems).toEqual([]);
    // The collection itself works: the routes this spec was written against are found.
    expect(pages.map((p) => p.pattern)).toEqual(
      expect.arrayContaining(["/businesses/[businessId]", "/businesses/[businessId]/invoices/[invoiceId]/edit"]),
    );
    expect(routes.find((r) => r.pattern === "/api/v1/businesses/[businessId]/invoices/[invoiceId]")?.methods.sort()).toEqual([
      "DELETE",
      "GET",
      "PATCH",
      "POST",
      "PUT",
    ]);
  });

  for (const route of routes) {
    const kind = classify(route.pattern).kind;
    if (kind !== "tenant" && kind !== "user") continue;
    const api = route.pattern.startsWith("/api/");
    for (const method of route.methods) {
      test(`${method} ${route.pattern} (${kind} route, ${route.file})`, async () => {
        const baseURL = test.info().project.use.baseURL!;
        const url = fillPattern(route.pattern, seeded);
        const body = requestBody(method, route.pattern);
        for (const identity of strangers(api)) {
          const label = `${method} ${url} as ${identity.name}`;
          const before = await victimChecksum();
          const response = await send(identity, method, url, body, baseURL);
          const text = await response.text();
          expectNoVictimData(text, label);
          if (route.notAllowed.includes(method)) {
            expect(response.status(), `${label}: ${text}`).toBe(405);
          } else if (identity.expect === "anonymous") {
            expect(response.status(), `${label}: ${text}`).toBe(401);
            if (api) expect(JSON.parse(text), label).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
          } else if (kind === "tenant") {
            expect(response.status(), `${label}: ${text}`).toBe(404);
            if (api) expect(JSON.parse(text), label).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
          } else {
            expect(response.status(), `${label}: ${text}`).toBeLessThan(300);
          }
          expect(await victimChecksum(), `${label} changed the victim's data`).toEqual(before);
        }
        // Control: the victim's own session reads the same route (so a refusal is about the caller, not a broken URL).
        if (method === "GET" && !route.notAllowed.includes(method)) {
          const own = await send({ name: "owner", session: contexts.owner, expect: "refused" }, method, url, {}, baseURL);
          expect(own.status(), `${method} ${url} as the owner`).toBe(200);
          const text = await own.text();
          if (kind === "tenant")
            expect(
              seeded.ownerMarkers.some((marker) => text.includes(marker)),
              `${url} as the owner shows the victim's data: ${text.slice(0, 200)}`,
            ).toBe(true);
        }
      });
    }
  }

  for (const page of pages) {
    const kind = classify(page.pattern).kind;
    if (kind !== "tenant" && kind !== "user") continue;
    test(`page ${page.pattern} (${kind} page, ${page.file})`, async () => {
      const baseURL = test.info().project.use.baseURL!;
      const url = fillPattern(page.pattern, seeded);
      for (const identity of strangers(false)) {
        const label = `${url} as ${identity.name}`;
        const before = await victimChecksum();
        const response = await send(identity, "GET", url, {}, baseURL);
        const html = await response.text();
        expectNoVictimData(html, label);
        if (identity.expect === "anonymous") {
          expect([303, 307, 308], `${label}: status ${response.status()}`).toContain(response.status());
          expect(new URL(response.headers().location ?? "", baseURL).pathname, label).toBe("/login");
        } else if (kind === "tenant") {
          expect(response.status(), label).toBe(404);
          expect(html, label).toContain("Niet gevonden");
        } else {
          expect(response.status(), label).toBe(200);
        }
        expect(await victimChecksum(), `${label} changed the victim's data`).toEqual(before);
      }
      // Control: the owner's session sees the victim's business on the same page.
      const own = await send({ name: "owner", session: contexts.owner, expect: "refused" }, "GET", url, {}, baseURL);
      expect(own.status(), `${url} as the owner`).toBe(200);
      if (kind === "tenant") expect(await own.text(), `${url} as the owner shows the business`).toContain(seeded.businessName);
    });
  }
});
