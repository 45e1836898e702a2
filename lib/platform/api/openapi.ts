// The OpenAPI 3.1 description of /api/v1, assembled from one fragment per feature
// (lib/platform/api/openapi-<feature>.ts: businesses, invoices, turnover, EU-KOR, deadlines, bank,
// purchases and VAT returns), each holding its paths, answers and the zod schemas its
// routes validate with; the pieces they share are in lib/platform/api/openapi-shared.ts. What a
// client sends (JSON bodies, query strings) is generated from those zod schemas
// (lib/platform/api/openapi-zod.ts), so it cannot drift from validation. Written by hand only where
// no zod schema exists: the answers (typed DTOs, not zod), the error envelope, binary and
// CSV bodies, path parameters and headers checked by code. Enumerations there come from
// the domain's own constants. Tests: lib/platform/api/openapi.test.ts (every route documented,
// bodies and queries equal to their zod schemas) and test/api/openapi-inputs.int.test.ts
// (each route parses with those schemas).
import { bankInputs, bankPaths, bankSchemas } from "@/lib/platform/api/openapi-bank";
import { businessesOpenApi, businessInputs } from "@/lib/platform/api/openapi-businesses";
import { deadlineInputs, deadlinesOpenApi } from "@/lib/platform/api/openapi-deadlines";
import { euKorInputs, euKorOpenApi } from "@/lib/platform/api/openapi-eu-kor";
import { invoiceInputs, invoiceJsonQueryInputs, invoicesOpenApi } from "@/lib/platform/api/openapi-invoices";
import { purchaseAndVatReturnOpenApi, purchaseInputs, purchaseJsonQueryInputs } from "@/lib/platform/api/openapi-purchases";
import {
  businessIdParam,
  cents,
  commonErrors,
  dataResponse,
  eInvoiceUpload,
  errorResponse,
  errorSchema,
  idempotencyErrors,
  idempotencyKeyParam,
  isoDate,
  jsonBody,
  nullable,
  ref,
  writeErrors,
} from "@/lib/platform/api/openapi-shared";
import { turnoverInputs, turnoverOpenApi } from "@/lib/platform/api/openapi-turnover";
import type { ApiInputs } from "@/lib/platform/api/openapi-zod";

/** Every operation's input schemas: what the document's request side is generated from. */
export const apiInputs: ApiInputs = {
  ...businessInputs,
  ...invoiceInputs,
  ...turnoverInputs,
  ...euKorInputs,
  ...deadlineInputs,
  ...bankInputs,
  ...purchaseInputs,
};
/** The JSON-carrying query parameters (`?mapping={…}`), by operationId and name. */
export const apiJsonQueryInputs = {
  ...invoiceJsonQueryInputs,
  ...purchaseJsonQueryInputs,
} as const;

// The bank and purchases fragments take the shared pieces as arguments.
const bankHelpers = { ref, dataResponse, errorResponse, commonErrors, writeErrors, businessIdParam, isoDate, nullable };
const purchasesAndVatReturns = purchaseAndVatReturnOpenApi({
  ref,
  isoDate,
  cents,
  nullable,
  dataResponse,
  errorResponse,
  jsonBody,
  commonErrors,
  writeErrors,
  idempotencyErrors,
  businessIdParam,
  idempotencyKeyParam,
  eInvoiceUpload,
});

// Paths and schemas in the order the document has always listed them, so its bytes (and
// any client generated from it) do not change with the file layout.
export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Drempel API",
    version: "1.0.0",
    description:
      'Businesses, invoices and KOR turnover of Drempel. Authenticate with a personal API token (`Authorization: Bearer drp_…`, created under Settings → API tokens) or, from the web app itself, the session cookie; state-changing cookie requests must be same-origin. A business you may not see answers 404 on every path. Errors: `{ "error": { "code", "message", "fields"? } }`, where `fields` maps each invalid field\'s path to an English message. Bodies are JSON objects of at most 1 MB.',
  },
  servers: [{ url: "/" }],
  security: [{ bearerToken: [] }, { sessionCookie: [] }],
  paths: {
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApi",
        summary: "This document",
        security: [],
        responses: { "200": { description: "OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
    ...businessesOpenApi.paths,
    ...invoicesOpenApi.paths,
    ...turnoverOpenApi.paths,
    ...euKorOpenApi.paths,
    ...deadlinesOpenApi.paths,
    ...turnoverOpenApi.statementPaths,
    ...bankPaths(bankHelpers),
    ...purchasesAndVatReturns.paths,
  },
  components: {
    securitySchemes: {
      bearerToken: {
        type: "http",
        scheme: "bearer",
        description: "A personal API token, `drp_` and 43 characters. READ tokens may only use GET.",
      },
      sessionCookie: {
        type: "apiKey",
        in: "cookie",
        name: "next-auth.session-token",
        description: "The web app's session; POST/PATCH/DELETE need a same-origin Origin header.",
      },
    },
    schemas: {
      ...bankSchemas(bankHelpers),
      Error: errorSchema,
      ...businessesOpenApi.schemas,
      ...invoicesOpenApi.schemas,
      ...turnoverOpenApi.schemas,
      VatAdvice: invoicesOpenApi.vatAdvice,
      ...euKorOpenApi.schemas,
      ...purchasesAndVatReturns.schemas,
    },
  },
} as const;
