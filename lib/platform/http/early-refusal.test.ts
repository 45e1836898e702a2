import { describe, expect, it } from "vitest";
import { earlyRefusal } from "./early-refusal";

describe("earlyRefusal", () => {
  it("answers 405 with Allow for TRACE and other unknown methods, on pages and the API", () => {
    for (const method of ["TRACE", "CONNECT", "PROPFIND", "FOO"]) {
      expect(earlyRefusal({ method, url: "/login", headers: {} })).toMatchObject({
        status: 405,
        headers: { allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" },
      });
      const api = earlyRefusal({ method, url: "/api/v1/businesses", headers: {} })!;
      expect(api.status).toBe(405);
      expect(JSON.parse(api.body)).toEqual({ error: { code: "METHOD_NOT_ALLOWED", message: `Method ${method} is not allowed` } });
    }
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "get"])
      expect(earlyRefusal({ method, url: "/", headers: {} })).toBeNull();
  });

  it("answers 413 for a page POST (a server action) above 25 MB, and leaves the API's bodies to the API", () => {
    const over = String(25 * 1024 * 1024 + 1);
    expect(
      earlyRefusal({ method: "POST", url: "/businesses/x/import", headers: { "content-length": over, "next-action": "abc" } }),
    ).toMatchObject({ status: 413, body: "The request body may be at most 25 MB\n" });
    expect(
      earlyRefusal({ method: "POST", url: "/businesses/x/import", headers: { "content-length": String(25 * 1024 * 1024) } }),
    ).toBeNull();
    expect(earlyRefusal({ method: "POST", url: "/api/v1/businesses/x/invoices/import", headers: { "content-length": over } })).toBeNull();
  });
});
