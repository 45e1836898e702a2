// The invoices part of the OpenAPI document (lib/platform/api/openapi.ts assembles it): the list,
// one invoice, the CSV import and the e-invoice import, and the VAT advice every write
// answers with. Bodies and query parameters come from `invoiceInputs` and
// `invoiceJsonQueryInputs` (lib/platform/api/openapi-zod.ts); the answers are written by hand (typed DTOs).
import { invoiceInputSchema, invoicePatchSchema, listInvoicesQuerySchema, REVENUE_KINDS } from "@/lib/features/invoices/invoice.types";
import { eInvoiceChoicesSchema, importMappingSchema } from "@/lib/features/invoices/import/import.types";
import { inputJsonSchema, jsonQueryParameter, queryParameters, type ApiInputs } from "@/lib/platform/api/openapi-zod";
import { CATEGORY_CODES } from "@/lib/kor";
import {
  bilingual,
  businessIdParam,
  cents,
  commonErrors,
  dataResponse,
  eInvoiceUpload,
  errorResponse,
  idempotencyErrors,
  idempotencyKeyParam,
  isoDate,
  jsonBody,
  nullable,
  ref,
  ruleRef,
  writeErrors,
} from "@/lib/platform/api/openapi-shared";

/** The zod schemas the invoice routes validate with, by operationId. */
export const invoiceInputs = {
  listInvoices: { query: listInvoicesQuerySchema },
  createInvoice: { body: invoiceInputSchema },
  updateInvoice: { body: invoicePatchSchema },
} satisfies ApiInputs;
/** The imports' JSON-carrying query parameters (`?mapping={…}`), by operationId and name. */
export const invoiceJsonQueryInputs = {
  importInvoices: { mapping: importMappingSchema },
  importEInvoices: { categories: eInvoiceChoicesSchema },
} as const;

/** An invoice written, with whether it must carry VAT as the books now stand. */
const invoiceWithAdviceResponse = (description: string) => ({
  description,
  content: {
    "application/json": {
      schema: { type: "object", properties: { data: ref("Invoice"), vatAdvice: ref("VatAdvice") }, required: ["data", "vatAdvice"] },
    },
  },
});

const invoiceIdParam = { name: "invoiceId", in: "path", required: true, schema: { type: "string", format: "uuid" } };

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

export const invoicesOpenApi = {
  paths: {
    "/api/v1/businesses/{businessId}/invoices": {
      parameters: [businessIdParam],
      get: {
        operationId: "listInvoices",
        summary: "One page of invoices, with the totals of the filtered set",
        parameters: queryParameters(invoiceInputs.listInvoices.query),
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
            invoiceJsonQueryInputs.importInvoices.mapping,
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
            invoiceJsonQueryInputs.importEInvoices.categories,
            'JSON: `{ "rowCategories": { "<line>": "<category>" }, "groupCategories": { "<reviewGroup>": "<category>" } }` for rows that need review.',
          ),
          eInvoiceUpload.fileNameParam,
        ],
        requestBody: eInvoiceUpload.requestBody,
        responses: eInvoiceUpload.responses,
      },
    },
  },
  schemas: {
    InvoiceInput: inputJsonSchema(invoiceInputs.createInvoice.body),
    InvoicePatch: inputJsonSchema(invoiceInputs.updateInvoice.body),
    Invoice: invoice,
    InvoiceRow: invoiceRow,
  },
  /** Answered by the invoice writes; listed after Turnover in the document. */
  vatAdvice,
};
