// What the tests of the two e-invoice upload routes (sales: invoices/e-invoices, purchases:
// purchases/e-invoices) share, as their routes share one handler (eInvoiceImportRoute):
// before each test an owner's business and an outsider, both with an API token; the upload
// request; the outsider's upload that must be refused before a byte of it is read; the
// streamed answer's lines.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, expect } from "vitest";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { ctx, snapshot, tokenFor } from "./helpers";

type UploadRoute = (request: Request, context: ReturnType<typeof ctx<{ businessId: string }>>) => Promise<Response>;

export type EInvoiceUploads = {
  /** The business, owner token and outsider token of the running test. */
  readonly businessId: string;
  readonly ownerToken: string;
  readonly outsiderToken: string;
  /** A file of the fixture folder, as bytes. */
  fixture(name: string): Uint8Array<ArrayBuffer>;
  /** A POST of `body` to the route with `query` (e.g. "?dryRun=true"); `token` null sends no credentials. */
  upload(token: string | null, body: BodyInit, query?: string, contentType?: string, accept?: string): Request;
  /** Calls the route for this test's business. */
  post(request: Request): Promise<Response>;
  /** The outsider's upload of the zip `zipName` answers 404 without the body being pulled, with and without dryRun, and changes nothing. */
  expectOutsiderRefusedUnread(zipName: string): Promise<void>;
};

/** Registers the beforeEach that makes the business and tokens; call at the top of the test file. */
export function eInvoiceUploads(options: {
  route: UploadRoute;
  /** "invoices" (sales) or "purchases": the path segment before /e-invoices. */
  kind: "invoices" | "purchases";
  /** Folder under test/fixtures. */
  fixtures: string;
  /** Label of the users' addresses and the business's name. */
  label: string;
  businessName: string;
}): EInvoiceUploads {
  let current = { businessId: "", ownerToken: "", outsiderToken: "" };
  beforeEach(async () => {
    const owner = await createUser(options.label);
    const outsider = await createUser(`${options.label}-outsider`);
    current = {
      businessId: (await createOwnedBusiness(owner.id, options.businessName)).id,
      ownerToken: await tokenFor(owner.id),
      outsiderToken: await tokenFor(outsider.id),
    };
  });
  const url = (query: string) => `http://localhost:3000/api/v1/businesses/${current.businessId}/${options.kind}/e-invoices${query}`;
  const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(process.cwd(), "test/fixtures", options.fixtures, name)));
  const post = (request: Request) => options.route(request, ctx({ businessId: current.businessId }));
  return {
    get businessId() {
      return current.businessId;
    },
    get ownerToken() {
      return current.ownerToken;
    },
    get outsiderToken() {
      return current.outsiderToken;
    },
    fixture,
    upload: (token, body, query = "", contentType = "application/zip", accept = "application/json") =>
      new Request(url(query), {
        method: "POST",
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": contentType, accept },
        body,
      }),
    post,
    async expectOutsiderRefusedUnread(zipName) {
      const before = await snapshot(current.businessId);
      for (const query of ["", "?dryRun=true"]) {
        let pulled = 0;
        const body = new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              pulled++;
              if (pulled > 4) controller.close();
              else controller.enqueue(fixture(zipName));
            },
          },
          { highWaterMark: 0 },
        );
        const request = new Request(url(query), {
          method: "POST",
          headers: { authorization: `Bearer ${current.outsiderToken}`, "content-type": "application/zip" },
          body,
          duplex: "half",
        } as RequestInit);
        expect((await post(request)).status).toBe(404);
        expect(pulled).toBe(0);
      }
      expect(await snapshot(current.businessId)).toBe(before);
    },
  };
}

/** The lines of an application/x-ndjson answer, parsed. */
export async function ndjsonLines(response: Response): Promise<{ type: string; [key: string]: unknown }[]> {
  return (await response.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
}
