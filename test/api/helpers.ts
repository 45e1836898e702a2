// Builders for API tests: tokens, requests and direct calls of the route handlers.
import { db } from "@/lib/platform/db/client";
import { createApiToken } from "@/lib/features/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/features/api-tokens/revoke-api-token";

export const BASE = "http://localhost";

export async function tokenFor(userId: string, scope: "read" | "read_write" = "read_write", name = "test"): Promise<string> {
  return (await createApiToken({ caller: { userId }, input: { name, scope } })).secret;
}

export async function revokedTokenFor(userId: string): Promise<string> {
  const { token, secret } = await createApiToken({ caller: { userId }, input: { name: "revoked", scope: "read_write" } });
  await revokeApiToken({ caller: { userId }, tokenId: token.id });
  return secret;
}

type RequestOptions = { token?: string | null; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string> };

export function apiRequest(method: string, path: string, options: RequestOptions = {}): Request {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  return new Request(`${BASE}${path}`, { method, headers, body });
}

export const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

export async function readJson(response: Response): Promise<any> {
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export function validInvoice(overrides: Record<string, unknown> = {}) {
  return {
    number: `F-${Math.random().toString(36).slice(2, 10)}`,
    date: "2026-03-02",
    customer: { name: "Klant BV", country: "NL", type: "business" },
    category: "NL_STANDARD",
    netCents: 10_000,
    vatCents: 2_100,
    ...overrides,
  };
}

/** Everything an API write could touch for one business, to compare before and after. */
export async function snapshot(businessId: string) {
  const [business, invoices, audit, participations, purchases, goods, filings] = await Promise.all([
    db().business.findUnique({ where: { id: businessId } }),
    db().invoice.findMany({ where: { businessId }, orderBy: { id: "asc" } }),
    db().auditLog.count({ where: { businessId } }),
    db().korParticipation.findMany({ where: { businessId }, orderBy: { id: "asc" } }),
    db().purchase.findMany({ where: { businessId }, orderBy: { id: "asc" } }),
    db().investmentGood.findMany({ where: { businessId }, orderBy: { id: "asc" } }),
    db().vatReturnFiling.findMany({ where: { businessId }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ business, invoices, audit, participations, purchases, goods, filings });
}
