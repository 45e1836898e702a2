// The OpenAPI 3.1 description of /api/v1. What a client sends (JSON bodies, query
// strings) is generated from the zod schemas the routes validate with (lib/api/openapi-zod.ts,
// the `inputs` maps here and in openapi-bank.ts / openapi-purchases.ts), so it cannot drift
// from validation. Written by hand only where no zod schema exists: the answers (typed
// DTOs, not zod), the error envelope, binary and CSV bodies, path parameters and headers
// checked by code. Enumerations there come from the domain's own constants. Tests:
// lib/api/openapi.test.ts (every route documented, bodies and queries equal to their zod
// schemas) and test/api/openapi-inputs.int.test.ts (each route parses with those schemas).
import { businessInputSchema } from "@/lib/businesses/business.types";
import { invoiceInputSchema, invoicePatchSchema, listInvoicesQuerySchema, REVENUE_KINDS } from "@/lib/invoices/invoice.types";
import { eInvoiceChoicesSchema, importMappingSchema } from "@/lib/invoices/import/import.types";
import { filingQuerySchema, statementPdfQuerySchema, turnoverQuerySchema } from "@/lib/api/api-query.types";
import { deadlineDoneSchema } from "@/lib/deadlines/deadline-done";
import { inputJsonSchema, jsonQueryParameter, jsonRequestBody, queryParameters, type ApiInputs } from "@/lib/api/openapi-zod";
import { CATEGORY_CODES } from "@/lib/kor";
import { MAX_BODY_BYTES } from "@/lib/api/read-json-body";
import { bankInputs, bankPaths, bankSchemas } from "@/lib/api/openapi-bank";
import { purchaseAndVatReturnOpenApi, purchaseInputs, purchaseJsonQueryInputs } from "@/lib/api/openapi-purchases";

/** The zod schemas the routes of this file validate with, by operationId. */
const inputs = {
  createBusiness: { body: businessInputSchema },
  listInvoices: { query: listInvoicesQuerySchema },
  createInvoice: { body: invoiceInputSchema },
  updateInvoice: { body: invoicePatchSchema },
  getTurnover: { query: turnoverQuerySchema },
  getEuKorQuarters: { query: filingQuerySchema },
  getIcpOss: { query: filingQuerySchema },
  getStatementPdf: { query: statementPdfQuerySchema },
  markDeadlineDone: { body: deadlineDoneSchema },
} satisfies ApiInputs;

/** Every operation's input schemas: what the document's request side is generated from. */
export const apiInputs: ApiInputs = { ...inputs, ...bankInputs, ...purchaseInputs };
/** The JSON-carrying query parameters (`?mapping={…}`), by operationId and name. */
export const apiJsonQueryInputs = {
  importInvoices: { mapping: importMappingSchema },
  importEInvoices: { categories: eInvoiceChoicesSchema },
  ...purchaseJsonQueryInputs,
} as const;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const isoDate = { type: "string", format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$", examples: ["2026-03-31"] };
const cents = { type: "integer", minimum: -2_000_000_000, maximum: 2_000_000_000, description: "Euro cents, an integer." };
const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: "null" }] });
const bilingual = { type: "object", properties: { nl: { type: "string" }, en: { type: "string" } }, required: ["nl", "en"] };
const ruleRef = {
  ruleId: { type: "string", description: "Id in the yearly rule table." },
  rule: { type: "string", description: "Section of docs/domain/KOR-RULES.md, e.g. §3.2." },
  interpretation: { type: "boolean", description: "True when the rule is an interpretation: check with an adviser." },
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
const dataResponse = (description: string, schema: unknown) => ({
  description,
  content: { "application/json": { schema: { type: "object", properties: { data: schema }, required: ["data"] } } },
});

/** An invoice written, with whether it must carry VAT as the books now stand. */
const invoiceWithAdviceResponse = (description: string) => ({
  description,
  content: {
    "application/json": {
      schema: { type: "object", properties: { data: ref("Invoice"), vatAdvice: ref("VatAdvice") }, required: ["data", "vatAdvice"] },
    },
  },
});

const commonErrors = {
  "401": errorResponse("No credentials, or an unknown or revoked token (code UNAUTHENTICATED)."),
  "404": errorResponse("The business (or invoice) does not exist or the caller may not see it (code NOT_FOUND)."),
  "405": errorResponse("Method not allowed on this path (code METHOD_NOT_ALLOWED); see the Allow header."),
  "429": errorResponse(
    "Too many requests for this API token (or, with the web session, this user): API_RATE_LIMIT per API_RATE_WINDOW_SECONDS, by default 600 a minute (code RATE_LIMITED). Retry after the Retry-After header's seconds; nothing was changed.",
  ),
  "500": errorResponse("Unexpected error (code INTERNAL); details are logged, never returned."),
};
const writeErrors = {
  "400": errorResponse("Invalid input (VALIDATION_FAILED with `fields`) or a body that is not JSON (MALFORMED_JSON). Nothing was changed."),
  "403": errorResponse("A READ token, a read-only membership, or a cookie-authenticated request from another origin (code FORBIDDEN)."),
  "413": errorResponse(`Body larger than ${MAX_BODY_BYTES} bytes (code PAYLOAD_TOO_LARGE).`),
  "415": errorResponse("Content-Type is not application/json (code UNSUPPORTED_MEDIA_TYPE)."),
};
const idempotencyErrors = {
  "409": errorResponse(
    "CONFLICT (e.g. the invoice number is taken: `fields.number`) or IDEMPOTENCY_IN_PROGRESS (retry after Retry-After seconds).",
  ),
  "422": errorResponse("IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request."),
};

const businessIdParam = { name: "businessId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const invoiceIdParam = { name: "invoiceId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const idempotencyKeyParam = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Up to 255 visible ASCII characters, unique per request you mean. A retry with the same key and the same body (method, path and JSON, key order ignored) within 24 hours gets the first answer again, with header `Idempotent-Replayed: true`, and creates nothing. The same key with another request answers 422. Only successful answers are stored, so a refused request may be corrected and retried under the same key.",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};

/** What an e-invoice upload (sales and purchases alike) takes and answers: one UBL file or a zip. */
const eInvoiceUpload = {
  dryRunParam: {
    name: "dryRun",
    in: "query",
    schema: { type: "string", enum: ["true", "false"] },
    description: "true: only the preview, nothing is written.",
  },
  fileNameParam: {
    name: "fileName",
    in: "query",
    schema: { type: "string" },
    description: "The name of a single XML file, shown in the preview.",
  },
  requestBody: {
    required: true,
    content: {
      "application/xml": { schema: { type: "string" } },
      "text/xml": { schema: { type: "string" } },
      "application/zip": { schema: { type: "string", format: "binary" } },
    },
  },
  responses: {
    "200": dataResponse("Preview (dryRun), or an import that created nothing new", { type: "object" }),
    "201": dataResponse("Imported: { created, skipped, total }", {
      type: "object",
      properties: { created: { type: "integer" }, skipped: { type: "integer" }, total: { type: "integer" } },
    }),
    ...writeErrors,
    "413": errorResponse("Upload larger than 25 MB (code PAYLOAD_TOO_LARGE)."),
    "415": errorResponse("Content-Type is not application/xml, text/xml or application/zip (code UNSUPPORTED_MEDIA_TYPE)."),
    ...commonErrors,
  },
};
const jsonBody = (schema: unknown) => ({ required: true, content: { "application/json": { schema } } });

const business = {
  type: "object",
  required: [
    "id",
    "name",
    "kvkNumber",
    "vatNumber",
    "filingPeriod",
    "startedOn",
    "korParticipations",
    "euKor",
    "role",
    "access",
    "createdAt",
  ],
  properties: {
    id: { type: "string", format: "uuid" },
    name: { type: "string" },
    kvkNumber: nullable({ type: "string" }),
    vatNumber: nullable({ type: "string" }),
    filingPeriod: { type: "string", enum: ["quarter", "month"] },
    startedOn: nullable(isoDate),
    korParticipations: { type: "array", items: { type: "object", properties: { from: isoDate, to: nullable(isoDate) } } },
    euKor: nullable({
      type: "object",
      properties: {
        exNumber: nullable({ type: "string" }),
        from: nullable(isoDate),
        memberStates: { type: "array", items: { type: "string" } },
      },
    }),
    role: { type: "string", enum: ["OWNER", "MEMBER", "ACCOUNTANT"], description: "The caller's role in this business." },
    access: { type: "string", enum: ["READ_ONLY", "READ_WRITE"] },
    createdAt: { type: "string", format: "date-time" },
  },
};

const invoice = {
  type: "object",
  required: [
    "id",
    "businessId",
    "number",
    "kind",
    "date",
    "customer",
    "category",
    "netCents",
    "vatCents",
    "currency",
    "createdAt",
    "updatedAt",
    "deletedAt",
  ],
  properties: {
    id: { type: "string", format: "uuid" },
    businessId: { type: "string", format: "uuid" },
    number: { type: "string" },
    kind: { type: "string", enum: REVENUE_KINDS },
    date: isoDate,
    customer: {
      type: "object",
      properties: {
        name: { type: "string" },
        country: nullable({ type: "string" }),
        type: nullable({ type: "string", enum: ["business", "consumer"] }),
        vatId: nullable({ type: "string" }),
      },
    },
    category: { type: "string", enum: CATEGORY_CODES },
    netCents: cents,
    vatCents: cents,
    country: nullable({ type: "string" }),
    ancillary: { type: "boolean" },
    sequence: nullable({ type: "integer" }),
    description: nullable({ type: "string" }),
    currency: { type: "string" },
    foreignCents: nullable(cents),
    exchangeRate: nullable({ type: "number" }),
    creditsInvoiceId: nullable({ type: "string", format: "uuid" }),
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
    deletedAt: nullable({ type: "string", format: "date-time" }),
  },
};

const invoiceRow = {
  allOf: [
    ref("Invoice"),
    {
      type: "object",
      required: ["kor"],
      properties: {
        kor: {
          type: "object",
          description: "Whether this invoice counts for the KOR and the EU (Union) total, and by which rule.",
          properties: {
            countsForKor: { type: "boolean" },
            countsForUnion: { type: "boolean" },
            memberState: nullable({ type: "string" }),
            reason: bilingual,
            ...ruleRef,
          },
        },
      },
    },
  ],
};

const crossing = (extra: Record<string, unknown>) =>
  nullable({
    type: "object",
    required: ["date", "invoiceId"],
    properties: {
      date: isoDate,
      invoiceId: { type: "string", format: "uuid", description: "The invoice that crossed the limit." },
      ...extra,
    },
  });

const turnover = {
  type: "object",
  required: [
    "year",
    "asOf",
    "korTurnoverCents",
    "unionTurnoverCents",
    "memberStateTurnoverCents",
    "kor",
    "euKor",
    "alerts",
    "deadlines",
    "projection",
  ],
  properties: {
    year: { type: "integer" },
    asOf: { ...isoDate, description: "Today for the current or a future year, 31 December for a past year." },
    korTurnoverCents: { ...cents, description: "Turnover counted for the KOR limit." },
    unionTurnoverCents: { ...cents, description: "Turnover counted for the EU-KOR Union limit." },
    memberStateTurnoverCents: {
      type: "object",
      additionalProperties: { type: "integer" },
      description: "Per member state (non-zero only).",
    },
    kor: {
      type: "object",
      properties: {
        limitCents: { type: "integer" },
        crossing: crossing({
          whileParticipating: { type: "boolean" },
          atRisk: { type: "array", items: { type: "string" } },
          status: {
            type: "string",
            enum: ["crossed", "atRisk"],
            description: "atRisk: several invoices on the crossing day have no sequence, so which one crosses is open.",
          },
        }),
        participation: {
          type: "object",
          description: "In the KOR, left by this year's crossing (on the crossing date), excluded after leaving, or not in it.",
          properties: {
            status: { type: "string", enum: ["participating", "endedByCrossing", "excluded", "notParticipating"] },
            endedOn: nullable(isoDate),
            crossingTransactionId: nullable({ type: "string" }),
            earliestRejoin: nullable(isoDate),
          },
        },
        eligibility: { type: "object", additionalProperties: { type: "boolean" }, description: "Year → may use the KOR." },
        participatingOnAsOf: { type: "boolean" },
        earliestRejoin: nullable(isoDate),
        remediation: nullable({ type: "object", description: "VAT to re-invoice or absorb after a crossing." }),
      },
    },
    euKor: {
      type: "object",
      properties: {
        limitCents: { type: "integer" },
        crossing: crossing({ notifyBy: isoDate }),
        eligibility: {
          type: "object",
          additionalProperties: { type: "object", additionalProperties: { type: "boolean" } },
          description: "Year → member state → may use the EU-KOR.",
        },
      },
    },
    alerts: {
      type: "array",
      items: {
        type: "object",
        required: ["code", "level", "date", "year", "message", "messages", "key"],
        properties: {
          code: { type: "string" },
          level: { type: "string", enum: ["info", "warning", "critical"] },
          date: isoDate,
          year: { type: "integer" },
          threshold: { type: "integer" },
          transactionId: { type: "string" },
          transactionIds: { type: "array", items: { type: "string" } },
          state: { type: "string" },
          message: { type: "string", description: "Dutch text." },
          messages: bilingual,
          key: { type: "string" },
          ...ruleRef,
        },
      },
    },
    deadlines: {
      type: "array",
      items: {
        type: "object",
        properties: {
          kind: { type: "string" },
          date: isoDate,
          about: { type: "string" },
          transactionId: { type: "string" },
          messages: bilingual,
          ...ruleRef,
        },
      },
    },
    projection: {
      type: "object",
      description: "Expected year totals for the KOR and the Union measure.",
      properties: { year: { type: "integer" }, kor: { type: "object" }, union: { type: "object" } },
    },
    explanations: { type: "object", description: "Only with explain=true: each transaction and whether it counted." },
  },
};

const ruleRefObject = { type: "object", required: ["ruleId", "rule", "interpretation"], properties: ruleRef };
const stateCents = {
  type: "object",
  required: ["state", "netCents"],
  properties: { state: { type: "string", description: "Member state (ISO code; Greece is GR)." }, netCents: cents },
};

const euKorQuarters = {
  type: "object",
  required: ["year", "quarters", "notices", "ruleId", "rule", "interpretation", "unionRule"],
  description: "The EU-KOR quarterly report figures (KOR-RULES.md §4) and the notice after crossing €100,000.",
  properties: {
    year: { type: "integer" },
    ...ruleRef,
    unionRule: ruleRefObject,
    quarters: {
      type: "array",
      items: {
        type: "object",
        required: ["quarter", "dueDate", "lines", "totalCents", "supplies"],
        properties: {
          quarter: { type: "string", examples: ["2026-Q1"] },
          dueDate: nullable(isoDate),
          totalCents: cents,
          supplies: { type: "integer", description: "Counted supplies in the quarter." },
          lines: {
            type: "array",
            description: "Every member state, NL first, 0 where none: the report's lines.",
            items: {
              type: "object",
              required: ["state", "netCents", "supplies", "countedBy", "ruleId", "rule", "interpretation"],
              properties: {
                state: { type: "string" },
                netCents: cents,
                supplies: { type: "integer" },
                ...ruleRef,
                countedBy: {
                  type: "array",
                  items: ruleRefObject,
                  description: "The rules under which this line's supplies counted for the state.",
                },
              },
            },
          },
        },
      },
    },
    notices: {
      type: "array",
      description:
        "Per crossing of the Union limit in the year: inform the Belastingdienst within 15 working days with the supplies from the quarter's start up to the crossing.",
      items: {
        type: "object",
        required: [
          "crossedOn",
          "transactionId",
          "unionTotalCents",
          "notifyBy",
          "workingDays",
          "holidaysSkipped",
          "periodFrom",
          "lines",
          "totalCents",
          "crossingRule",
          "ruleId",
          "rule",
          "interpretation",
        ],
        properties: {
          crossedOn: isoDate,
          transactionId: { type: "string", format: "uuid", description: "The invoice that crossed the limit." },
          unionTotalCents: cents,
          notifyBy: isoDate,
          workingDays: { type: "integer" },
          holidaysSkipped: {
            type: "array",
            items: { type: "object", properties: { date: isoDate, id: { type: "string" }, name: bilingual } },
          },
          periodFrom: isoDate,
          lines: { type: "array", items: stateCents },
          totalCents: cents,
          crossingRule: ruleRefObject,
          ...ruleRef,
        },
      },
    },
  },
};

const icpOss = {
  type: "object",
  required: [
    "year",
    "icpRule",
    "ossRule",
    "quarters",
    "ossStart",
    "distanceSalesThresholdCents",
    "distanceSalesCents",
    "dutchVatAfterOssStart",
  ],
  properties: {
    year: { type: "integer" },
    icpRule: ruleRefObject,
    ossRule: ruleRefObject,
    ossStart: nullable({
      type: "object",
      required: ["from", "reason", "invoiceNumber", "thresholdCents"],
      properties: {
        from: isoDate,
        reason: { type: "string", enum: ["previousYear", "crossed"] },
        invoiceNumber: nullable({ type: "string" }),
        thresholdCents: cents,
        ...ruleRef,
      },
    }),
    distanceSalesThresholdCents: nullable(cents),
    distanceSalesCents: cents,
    dutchVatAfterOssStart: {
      type: "array",
      description: "Distance sales on or after the OSS start still booked with Dutch VAT (EU_B2C_NL_VAT).",
      items: { type: "object", properties: { id: { type: "string" }, number: { type: "string" }, date: isoDate, netCents: cents } },
    },
    quarters: {
      type: "array",
      items: {
        type: "object",
        required: ["quarter", "icp", "icpTotals", "oss", "ossTotals"],
        properties: {
          quarter: { type: "string", examples: ["2026-Q1"] },
          icp: {
            type: "array",
            description:
              "ICP statement lines: per customer VAT number (null: missing on the invoices), goods (EU_B2B_GOODS) and services (EU_B2B_SERVICES).",
            items: {
              type: "object",
              required: ["vatId", "country", "customerName", "goodsCents", "servicesCents", "invoices"],
              properties: {
                vatId: nullable({ type: "string" }),
                country: nullable({ type: "string" }),
                customerName: { type: "string" },
                goodsCents: cents,
                servicesCents: cents,
                invoices: { type: "array", items: { type: "string" } },
              },
            },
          },
          icpTotals: { type: "object", properties: { goodsCents: cents, servicesCents: cents } },
          oss: {
            type: "array",
            description:
              "OSS lines: per member state of the consumer, the distance sales taxed there (EU_B2C_FOREIGN_VAT) and the VAT charged.",
            items: {
              type: "object",
              required: ["state", "netCents", "vatCents", "invoices"],
              properties: {
                state: { type: "string" },
                netCents: cents,
                vatCents: cents,
                invoices: { type: "array", items: { type: "string" } },
              },
            },
          },
          ossTotals: { type: "object", properties: { netCents: cents, vatCents: cents } },
        },
      },
    },
  },
};

const invoiceRef = {
  type: "object",
  properties: { id: { type: "string" }, number: { type: "string" }, sequence: nullable({ type: "integer" }) },
};

const vatAdvice = {
  type: "object",
  description:
    "Whether the invoice must carry VAT, from its place in the books (date, then sequence): inside the KOR, the crossing invoice, after the crossing, excluded after leaving, or not in the KOR.",
  required: ["status", "mustChargeVat", "ratePercent", "reason"],
  properties: {
    status: { type: "string", enum: ["notInKor", "participating", "crossing", "crossingAtRisk", "afterCrossing", "excluded"] },
    mustChargeVat: { type: "boolean" },
    ratePercent: nullable({ type: "integer" }),
    reason: bilingual,
    crossing: nullable({
      type: "object",
      properties: {
        date: isoDate,
        invoice: nullable(invoiceRef),
        thisInvoice: { type: "boolean" },
        atRisk: { type: "array", items: invoiceRef },
      },
    }),
    leftOn: nullable(isoDate),
    earliestRejoin: nullable(isoDate),
    remediation: nullable({
      type: "object",
      properties: { reinvoiceVatCents: cents, absorbedVatCents: cents },
      description: "Sent without VAT while VAT is due: the VAT of each remedy.",
    }),
    vatWhileParticipating: { type: "boolean", description: "VAT shown while inside the KOR: payable." },
    sameDay: {
      type: "array",
      items: invoiceRef,
      description: "Other invoices on the same date; give each a sequence to fix the day's order.",
    },
    ...ruleRef,
  },
};

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
    "/api/v1/businesses": {
      get: {
        operationId: "listBusinesses",
        summary: "The businesses the caller belongs to",
        responses: { "200": dataResponse("Businesses by name", { type: "array", items: ref("Business") }), ...commonErrors },
      },
      post: {
        operationId: "createBusiness",
        summary: "Create a business owned by the caller",
        parameters: [idempotencyKeyParam],
        requestBody: jsonBody(ref("BusinessInput")),
        responses: { "201": dataResponse("The new business", ref("Business")), ...commonErrors, ...writeErrors, ...idempotencyErrors },
      },
    },
    "/api/v1/businesses/{businessId}/invoices": {
      parameters: [businessIdParam],
      get: {
        operationId: "listInvoices",
        summary: "One page of invoices, with the totals of the filtered set",
        parameters: queryParameters(inputs.listInvoices.query),
        responses: {
          "200": {
            description: "A page of invoices",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["data", "page", "totals"],
                  properties: {
                    data: { type: "array", items: ref("InvoiceRow") },
                    page: {
                      type: "object",
                      properties: {
                        number: { type: "integer" },
                        size: { type: "integer" },
                        totalItems: { type: "integer" },
                        totalPages: { type: "integer" },
                      },
                    },
                    totals: {
                      type: "object",
                      properties: { count: { type: "integer" }, netCents: { type: "integer" }, vatCents: { type: "integer" } },
                    },
                  },
                },
              },
            },
          },
          "400": writeErrors["400"],
          ...commonErrors,
        },
      },
      post: {
        operationId: "createInvoice",
        summary: "Register one invoice",
        parameters: [idempotencyKeyParam],
        requestBody: jsonBody(ref("InvoiceInput")),
        responses: {
          "201": invoiceWithAdviceResponse("The new invoice, and whether it must carry VAT"),
          ...commonErrors,
          ...writeErrors,
          ...idempotencyErrors,
        },
      },
    },
    "/api/v1/businesses/{businessId}/invoices/{invoiceId}": {
      parameters: [businessIdParam, invoiceIdParam],
      get: {
        operationId: "getInvoice",
        summary: "One invoice (a soft-deleted one answers 404)",
        responses: { "200": dataResponse("The invoice", ref("Invoice")), ...commonErrors },
      },
      patch: {
        operationId: "updateInvoice",
        summary: "Change some fields of an invoice",
        description: "The sent fields are merged into the stored invoice (customer field by field) and the whole is validated again.",
        requestBody: jsonBody(ref("InvoicePatch")),
        responses: {
          "200": invoiceWithAdviceResponse("The changed invoice, and whether it must carry VAT"),
          ...commonErrors,
          ...writeErrors,
          "409": idempotencyErrors["409"],
        },
      },
      delete: {
        operationId: "deleteInvoice",
        summary: "Soft-delete an invoice",
        description:
          "The invoice stops counting but keeps its number and history; the answer is the deleted invoice (with deletedAt). Deleting it again answers 404.",
        responses: { "200": dataResponse("The deleted invoice", ref("Invoice")), ...commonErrors, "403": writeErrors["403"] },
      },
    },
    "/api/v1/businesses/{businessId}/invoices/import": {
      parameters: [businessIdParam],
      post: {
        operationId: "importInvoices",
        summary: "Import a CSV file of invoices, all or nothing; rows whose number exists are skipped",
        description:
          "Semicolon, comma or tab separated; Dutch (1.234,56 and 31-12-2026) or ISO amounts and dates. Drempel's own export is recognised by its header and read exactly (amounts from the `*_cents` columns, foreign amount and rate, sequence, ancillary, the credited invoice by number). Other files: columns are mapped from `mapping`, else the business's last mapping, else guessed from the headers (Moneybird, e-Boekhouden); a column named cents is read as cents. The category comes from the category column, else from country, customer type and VAT together; a row that cannot be classified safely has status `review` in the preview and blocks the import until `mapping.rowCategories` (by line) or `mapping.groupCategories` (by the row's `reviewGroup`) gives its category. The preview's `warnings` name implausible totals (`looksLikeCents`, `tenTimesLargestYear`). With a row error nothing is imported and `fields` names `rows.<line>.<field>` (`fieldKeys`: the same as i18n keys). Access is checked before the body is read; one import or preview per business at a time (409 CONFLICT while another runs).",
        parameters: [
          {
            name: "dryRun",
            in: "query",
            schema: { type: "string", enum: ["true", "false"] },
            description: "true: only the preview, nothing is written.",
          },
          jsonQueryParameter(
            "mapping",
            apiJsonQueryInputs.importInvoices.mapping,
            'JSON: `{ "columns": { "<field>": "<header>" }, "defaultCategory": "NL_STANDARD" }` (field deletedAt: a row with it is imported as a deleted invoice; vatCategoryCode: UNCL 5305); optional `rowCategories` `{ "<line>": "<category>" }` and `groupCategories` `{ "<reviewGroup>": "<category>" }`.',
          ),
        ],
        requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
        responses: {
          "200": dataResponse("Preview (dryRun), or an import that created nothing new", { type: "object" }),
          "201": dataResponse("Imported: { created, skipped, total, mapping }", {
            type: "object",
            properties: {
              created: { type: "integer" },
              skipped: { type: "integer" },
              total: { type: "integer" },
              mapping: { type: "object" },
            },
          }),
          ...writeErrors,
          "413": errorResponse("File larger than 25 MB (code PAYLOAD_TOO_LARGE)."),
          "415": errorResponse("Content-Type is not text/csv (code UNSUPPORTED_MEDIA_TYPE)."),
          ...commonErrors,
        },
      },
    },
    "/api/v1/businesses/{businessId}/invoices/e-invoices": {
      parameters: [businessIdParam],
      post: {
        operationId: "importEInvoices",
        summary: "Import UBL e-invoices (one XML document or a zip of them), all or nothing; documents whose number exists are skipped",
        description:
          "UBL 2.1 Invoice and CreditNote (SI-UBL 2.0 / NLCIUS, Peppol BIS Billing 3.0), read by local element names whatever the namespace prefixes. Each document becomes an invoice: number, tax point date (else issue date), customer name, country and VAT id (a customer with a VAT id or company id is a business), net and VAT in cents from LegalMonetaryTotal and TaxTotal (checked against each other to the cent), a credit note negative and linked to the invoice its BillingReference names when that exists. A document in another currency needs its euro VAT (TaxCurrencyCode EUR) or a TaxExchangeRate. The category follows from each TaxSubtotal's VAT category code (S, Z, E, AE, K, G, O) with the customer's country and type; what cannot be classified safely has status `review`, as in the CSV preview, until `categories` gives it. A document with several VAT categories becomes one invoice per category, numbered `<number>/<code><rate>`. Unreadable documents are rows with an error on `file`; files in a zip that are not XML are left out (`warnings`: `skippedFiles`). The answers are those of the CSV import (preview rows also carry `source`, the file, and `notes`). Access is checked before the body is read; one import or preview per business at a time (409).",
        parameters: [
          eInvoiceUpload.dryRunParam,
          jsonQueryParameter(
            "categories",
            apiJsonQueryInputs.importEInvoices.categories,
            'JSON: `{ "rowCategories": { "<line>": "<category>" }, "groupCategories": { "<reviewGroup>": "<category>" } }` for rows that need review.',
          ),
          eInvoiceUpload.fileNameParam,
        ],
        requestBody: eInvoiceUpload.requestBody,
        responses: eInvoiceUpload.responses,
      },
    },
    "/api/v1/businesses/{businessId}/turnover": {
      parameters: [businessIdParam],
      get: {
        operationId: "getTurnover",
        summary: "KOR and EU-KOR turnover of one year, crossings, alerts and projection",
        parameters: queryParameters(inputs.getTurnover.query),
        responses: { "200": dataResponse("Turnover", ref("Turnover")), "400": writeErrors["400"], ...commonErrors },
      },
    },
    "/api/v1/businesses/{businessId}/eu-kor/quarters": {
      parameters: [businessIdParam],
      get: {
        operationId: "getEuKorQuarters",
        summary:
          "EU-KOR quarterly report figures: per quarter, per member state, the value of the supplies with each line's rule; the 15-working-day notice after crossing €100,000",
        parameters: queryParameters(inputs.getEuKorQuarters.query),
        responses: {
          "200": dataResponse("The year's quarterly report figures", ref("EuKorQuarters")),
          "400": writeErrors["400"],
          ...commonErrors,
        },
      },
    },
    "/api/v1/businesses/{businessId}/icp-oss": {
      parameters: [businessIdParam],
      get: {
        operationId: "getIcpOss",
        summary:
          "ICP and OSS figures per quarter: intra-EU supplies to businesses per customer VAT number; distance sales per member state once OSS applies (€10,000)",
        parameters: queryParameters(inputs.getIcpOss.query),
        responses: { "200": dataResponse("The year's ICP and OSS figures", ref("IcpOss")), "400": writeErrors["400"], ...commonErrors },
      },
    },
    "/api/v1/businesses/{businessId}/deadlines/{deadlineKey}/done": {
      parameters: [
        businessIdParam,
        {
          name: "deadlineKey",
          in: "path",
          required: true,
          description:
            "The deadline by kind and period: `VAT_RETURN_DUE:<quarter or month>` (the first VAT return after a crossing, e.g. `VAT_RETURN_DUE:2026-Q4`), `EU_KOR_REPORT_DUE:<quarter>` (the EU-KOR quarterly report) or `EU_KOR_NOTIFY_BY:<crossing date>` (the EU-KOR crossing notification). The colon may be sent as %3A.",
          schema: {
            type: "string",
            pattern: "^(VAT_RETURN_DUE|EU_KOR_REPORT_DUE|EU_KOR_NOTIFY_BY):[0-9]{4}-[0-9Q-]+$",
            examples: ["VAT_RETURN_DUE:2026-Q4"],
          },
        },
      ],
      put: {
        operationId: "markDeadlineDone",
        summary: "Mark a deadline as done (filed, reported) on a day; a second PUT changes the day",
        description:
          "The deadline must be one the business has (400 with `fields.key` otherwise); `doneOn` may not be in the future. A deadline marked done is shown as done with its day, is never late and never the next deadline. Write access is checked before the body is read.",
        requestBody: jsonRequestBody(inputs.markDeadlineDone.body),
        responses: {
          "200": dataResponse("The mark", {
            type: "object",
            required: ["key", "doneOn"],
            properties: { key: { type: "string" }, doneOn: isoDate },
          }),
          ...commonErrors,
          ...writeErrors,
        },
      },
      delete: {
        operationId: "undoDeadlineDone",
        summary: "Take a deadline's done mark back",
        responses: { "204": { description: "The mark is gone" }, ...commonErrors, "403": writeErrors["403"] },
      },
    },
    "/api/v1/businesses/{businessId}/statement.pdf": {
      parameters: [businessIdParam],
      get: {
        operationId: "getStatementPdf",
        summary: "The year's statement as a PDF: counted KOR turnover per kind and month, the crossing and remediation, the deadlines",
        parameters: queryParameters(inputs.getStatementPdf.query),
        responses: {
          "200": {
            description: "The statement (recorded in the caller's security log as an export)",
            content: { "application/pdf": { schema: { type: "string", format: "binary" } } },
          },
          "400": writeErrors["400"],
          ...commonErrors,
        },
      },
    },
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
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: {
                type: "string",
                enum: [
                  "VALIDATION_FAILED",
                  "MALFORMED_JSON",
                  "UNAUTHENTICATED",
                  "FORBIDDEN",
                  "NOT_FOUND",
                  "METHOD_NOT_ALLOWED",
                  "CONFLICT",
                  "IDEMPOTENCY_IN_PROGRESS",
                  "PAYLOAD_TOO_LARGE",
                  "UNSUPPORTED_MEDIA_TYPE",
                  "IDEMPOTENCY_KEY_REUSED",
                  "RATE_LIMITED",
                  "UNAVAILABLE",
                  "INTERNAL",
                ],
              },
              message: { type: "string" },
              fields: {
                type: "object",
                additionalProperties: { type: "string" },
                description: "Field path (e.g. `customer.name`, `_` for the whole body) → English message.",
              },
            },
          },
        },
      },
      BusinessInput: inputJsonSchema(inputs.createBusiness.body),
      Business: business,
      InvoiceInput: inputJsonSchema(inputs.createInvoice.body),
      InvoicePatch: inputJsonSchema(inputs.updateInvoice.body),
      Invoice: invoice,
      InvoiceRow: invoiceRow,
      Turnover: turnover,
      VatAdvice: vatAdvice,
      EuKorQuarters: euKorQuarters,
      IcpOss: icpOss,
      ...purchasesAndVatReturns.schemas,
    },
  },
} as const;
