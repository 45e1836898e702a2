// The OpenAPI paths and schemas of purchases and the VAT return (issue #20), kept beside
// openapi.ts (which merges them in) so that file stays readable. The shared helpers come in
// as arguments: no import cycle. Bodies and query parameters come from `purchaseInputs`
// (lib/platform/api/openapi-zod.ts); the answers are written by hand (typed DTOs).
import {
  listPurchasesQuerySchema,
  PURCHASE_CATEGORIES,
  PURCHASE_DOCUMENT_KINDS,
  PURCHASE_VAT_TREATMENTS,
  purchaseInputSchema,
  purchasePatchSchema,
} from "@/lib/features/purchases/purchase.types";
import { RUBRIEK_CODES } from "@/lib/features/vat-return/compute-vat-return";
import { fileVatReturnSchema, periodLabel, vatReturnYearQuerySchema } from "@/lib/features/vat-return/vat-return.types";
import { inputJsonSchema, jsonQueryParameter, jsonRequestBody, queryParameters, type ApiInputs } from "@/lib/platform/api/openapi-zod";
import { purchaseEInvoiceChoicesSchema } from "@/lib/features/purchases/import-purchase-e-invoices";
import { PURCHASE_VAT_CHOICES } from "@/lib/features/purchases/purchase-ubl-rows";

/** The zod schemas the purchase and VAT-return routes validate with, by operationId. */
export const purchaseInputs = {
  listPurchases: { query: listPurchasesQuerySchema },
  createPurchase: { body: purchaseInputSchema },
  updatePurchase: { body: purchasePatchSchema },
  listVatReturns: { query: vatReturnYearQuerySchema },
  fileVatReturn: { body: fileVatReturnSchema },
} satisfies ApiInputs;

/** The JSON query parameters of the purchase routes, by operationId (openapi.ts merges them into apiJsonQueryInputs). */
export const purchaseJsonQueryInputs = {
  importPurchaseEInvoices: { categories: purchaseEInvoiceChoicesSchema },
} as const;

type Schema = Record<string, unknown>;
export type OpenApiHelpers = {
  ref: (name: string) => Schema;
  isoDate: Schema;
  cents: Schema;
  nullable: (schema: Schema) => Schema;
  dataResponse: (description: string, schema: unknown) => Schema;
  errorResponse: (description: string) => Schema;
  jsonBody: (schema: unknown) => Schema;
  commonErrors: Record<string, Schema>;
  writeErrors: Record<string, Schema>;
  idempotencyErrors: Record<string, Schema>;
  businessIdParam: Schema;
  idempotencyKeyParam: Schema;
  /** The e-invoice upload's parameters, body and answers, shared with the sales import. */
  eInvoiceUpload: { dryRunParam: Schema; fileNameParam: Schema; requestBody: Schema; responses: Record<string, Schema> };
};

export function purchaseAndVatReturnOpenApi(h: OpenApiHelpers) {
  const purchaseIdParam = { name: "purchaseId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
  const periodParam = {
    name: "period",
    in: "path",
    required: true,
    schema: { ...inputJsonSchema(periodLabel), examples: ["2026-Q4", "2026-11"] },
    description: "A quarter (2026-Q4) or, for a monthly filer, a month (2026-11).",
  };
  const purchase = {
    type: "object",
    required: [
      "id",
      "documentKind",
      "reference",
      "date",
      "supplier",
      "netCents",
      "vatCents",
      "ratePercent",
      "vatTreatment",
      "category",
      "description",
      "investmentGoodId",
      "creditsPurchaseId",
      "createdAt",
      "updatedAt",
    ],
    properties: {
      id: { type: "string", format: "uuid" },
      documentKind: { type: "string", enum: PURCHASE_DOCUMENT_KINDS },
      reference: h.nullable({ type: "string" }),
      date: h.isoDate,
      supplier: {
        type: "object",
        properties: { name: { type: "string" }, country: { type: "string" }, vatId: h.nullable({ type: "string" }) },
      },
      netCents: h.cents,
      vatCents: h.cents,
      ratePercent: { type: "integer" },
      vatTreatment: { type: "string", enum: PURCHASE_VAT_TREATMENTS },
      category: { type: "string", enum: PURCHASE_CATEGORIES },
      description: h.nullable({ type: "string" }),
      investmentGoodId: h.nullable({
        type: "string",
        format: "uuid",
        description: "The good in the btw-herziening planner this purchase registered.",
      }),
      creditsPurchaseId: h.nullable({
        type: "string",
        format: "uuid",
        description: "For a credit note: the purchase invoice (same business) it corrects.",
      }),
      createdAt: { type: "string", format: "date-time" },
      updatedAt: { type: "string", format: "date-time" },
    },
  };
  const documentLine = {
    type: "object",
    properties: {
      type: { type: "string", enum: ["invoice", "purchase"] },
      id: { type: "string", format: "uuid" },
      label: { type: "string" },
      date: h.isoDate,
      turnoverCents: h.cents,
      vatCents: h.cents,
    },
  };
  const rubriek = {
    type: "object",
    required: ["code", "turnoverCents", "vatCents", "turnoverEuros", "vatEuros", "documents", "selfFill"],
    properties: {
      code: { type: "string", enum: RUBRIEK_CODES },
      turnoverCents: h.nullable({ type: "integer", description: "Exact sum; null where the form has no turnover column." }),
      vatCents: h.nullable({ type: "integer", description: "Exact sum; null where the form has no VAT column (1e, 3a, 3b)." }),
      turnoverEuros: h.nullable({
        type: "integer",
        description: "Whole euros as the form takes them: rounded down (in the taxpayer's favour).",
      }),
      vatEuros: h.nullable({ type: "integer", description: "Whole euros: VAT owed rounded down, input VAT (5b) rounded up." }),
      documents: { type: "array", items: documentLine },
      selfFill: { type: "boolean", description: "The data cannot support this figure: fill it in yourself (5e, 5f)." },
    },
  };
  const vatReturn = {
    type: "object",
    required: ["period", "outsideKorFrom", "rubrieken", "notes", "status", "required", "filing", "correction"],
    properties: {
      period: { type: "object", properties: { label: { type: "string" }, from: h.isoDate, to: h.isoDate, dueDate: h.isoDate } },
      outsideKorFrom: h.nullable({
        ...h.isoDate,
        description: "First day outside the KOR; documents before it are left out. Null: the whole period is inside.",
      }),
      rubrieken: { type: "array", items: rubriek },
      notes: {
        type: "array",
        description:
          "Documents of the period not in the return (insideKor, notInReturn with reason exempt/oss/taxedAbroad/outsideEu/noVat) or needing a look (noVatOnTaxedSale, rateUnknown).",
        items: { type: "object", properties: { kind: { type: "string" }, reason: { type: "string" }, document: documentLine } },
      },
      status: { type: "string", enum: ["notRequired", "open", "filed", "correctionNeeded"] },
      required: { type: "boolean" },
      filing: h.nullable({
        type: "object",
        properties: {
          filedOn: h.isoDate,
          figures: { type: "object", description: "The rubrieken as filed." },
          updatedAt: { type: "string", format: "date-time" },
        },
      }),
      correction: h.nullable({
        type: "object",
        description: "Current minus filed per rubriek (the suppletie), with the documents added, removed or changed since.",
        properties: { needed: { type: "boolean" }, rubrieken: { type: "array", items: { type: "object" } } },
      }),
    },
  };
  const paths = {
    "/api/v1/businesses/{businessId}/purchases": {
      parameters: [h.businessIdParam],
      get: {
        operationId: "listPurchases",
        summary: "The purchases (purchase invoices and receipts), newest first, with totals",
        parameters: queryParameters(purchaseInputs.listPurchases.query),
        responses: {
          "200": {
            description: "Purchases",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["data", "totals"],
                  properties: {
                    data: { type: "array", items: h.ref("Purchase") },
                    totals: {
                      type: "object",
                      properties: { count: { type: "integer" }, netCents: { type: "integer" }, vatCents: { type: "integer" } },
                    },
                  },
                },
              },
            },
          },
          "400": h.writeErrors["400"],
          ...h.commonErrors,
        },
      },
      post: {
        operationId: "createPurchase",
        summary: "Register one purchase invoice or receipt",
        parameters: [h.idempotencyKeyParam],
        requestBody: h.jsonBody(h.ref("PurchaseInput")),
        responses: {
          "201": h.dataResponse("The new purchase", h.ref("Purchase")),
          ...h.commonErrors,
          ...h.writeErrors,
          ...h.idempotencyErrors,
        },
      },
    },
    "/api/v1/businesses/{businessId}/purchases/{purchaseId}": {
      parameters: [h.businessIdParam, purchaseIdParam],
      get: {
        operationId: "getPurchase",
        summary: "One purchase",
        responses: { "200": h.dataResponse("The purchase", h.ref("Purchase")), ...h.commonErrors },
      },
      patch: {
        operationId: "updatePurchase",
        summary: "Change some fields of a purchase",
        requestBody: h.jsonBody(h.ref("PurchasePatch")),
        responses: { "200": h.dataResponse("The changed purchase", h.ref("Purchase")), ...h.commonErrors, ...h.writeErrors },
      },
      delete: {
        operationId: "deletePurchase",
        summary: "Delete a purchase (and the investment good it registered)",
        responses: { "200": h.dataResponse("The deleted purchase", h.ref("Purchase")), ...h.commonErrors, "403": h.writeErrors["403"] },
      },
    },
    "/api/v1/businesses/{businessId}/purchases/import": {
      parameters: [h.businessIdParam],
      post: {
        operationId: "importPurchases",
        summary: "Import a CSV file of purchases, all or nothing",
        description:
          "A header row names the columns (Dutch or English): date/datum, supplier/leverancier and net/netto are required; country/land, vatId/btw-nummer, reference/nummer, vat/btw, rate/tarief, vatTreatment/btw-behandeling, category/categorie, kind/soort, description/omschrijving and credited_reference/gecrediteerde factuur (a credit note: the number of the same supplier's invoice it corrects, in the file or the books; linked as creditsPurchaseId) are optional. Dutch or ISO amounts and dates. At most 5,000 rows. With any problem nothing is imported and `fields` names `rows.<line>.<column>` (`fieldKeys`: the same as i18n keys). Access is checked before the body is read.",
        requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
        responses: {
          "201": h.dataResponse("Imported: { created }", { type: "object", properties: { created: { type: "integer" } } }),
          ...h.writeErrors,
          "413": h.errorResponse("File larger than 25 MB (code PAYLOAD_TOO_LARGE)."),
          "415": h.errorResponse("Content-Type is not text/csv (code UNSUPPORTED_MEDIA_TYPE)."),
          ...h.commonErrors,
        },
      },
    },
    "/api/v1/businesses/{businessId}/purchases/e-invoices": {
      parameters: [h.businessIdParam],
      post: {
        operationId: "importPurchaseEInvoices",
        summary: "Import received UBL e-invoices (one XML document or a zip of them) as purchases, all or nothing",
        description:
          "UBL 2.1 Invoice and CreditNote (SI-UBL 2.0 / NLCIUS, Peppol BIS Billing 3.0) that the business received: it is the buyer (AccountingCustomerParty), the supplier is the AccountingSupplierParty (name, country — else its VAT number's prefix —, VAT number). Read by the sales e-invoice import's reader: tax point date (else issue date), net and VAT in euro cents per VAT category, checked against the totals to the cent; another currency needs its euro VAT (TaxCurrencyCode EUR) or a TaxExchangeRate; a credit note is negative and its description names the invoice it credits (BillingReference). Each TaxSubtotal's VAT category gives the treatment when the code, rate and supplier's country say it: S 21/9% from a Dutch supplier → NL_VAT at that rate; Z from a Dutch supplier → NL_VAT 0%; E or O from a Dutch supplier → NO_VAT. Everything else has status `review` with the reason in `notes` and a `reviewGroup` until `categories` gives a treatment and rate: AE (reverse charge, 0% on the document) → NL_REVERSE_CHARGE (2a), EU_REVERSE_CHARGE (4b) or NON_EU_REVERSE_CHARGE (4a) by the supplier's country, at the Dutch rate the business owes; K (intra-EU acquisition) → EU_REVERSE_CHARGE; foreign VAT, G (import VAT is on the customs document) and other codes as chosen. A chosen treatment the supplier's country does not allow is an error of that row. A document with several VAT categories becomes one purchase per category, its reference `<number>/<code><rate>`. A document addressed to another buyer (its VAT or KvK number is not the business's, when both are known) is an error on `buyer`, as is one the business sent itself (its own VAT or KvK number as the supplier's); an unreadable document an error on `file`. A purchase whose supplier (VAT number, else name) and reference exist already has status `existing` and is skipped. The category is COSTS (change it afterwards for an investment good). Preview rows have the shape of the sales e-invoice preview (`customerName` is the supplier, `category` the treatment and rate; `summary.newVatCents` is the input VAT of the new rows). Access is checked before the body is read; one import or preview per business at a time (409).",
        parameters: [
          h.eInvoiceUpload.dryRunParam,
          jsonQueryParameter(
            "categories",
            purchaseJsonQueryInputs.importPurchaseEInvoices.categories,
            `JSON: \`{ "rowCategories": { "<line>": "<choice>" }, "groupCategories": { "<reviewGroup>": "<choice>" } }\` for rows that need review; a choice is one of ${PURCHASE_VAT_CHOICES.join(", ")}.`,
          ),
          h.eInvoiceUpload.fileNameParam,
        ],
        requestBody: h.eInvoiceUpload.requestBody,
        responses: h.eInvoiceUpload.responses,
      },
    },
    "/api/v1/businesses/{businessId}/vat-returns": {
      parameters: [h.businessIdParam],
      get: {
        operationId: "listVatReturns",
        summary: "The VAT-return periods of a year: due (outside the KOR), filed, or in need of a correction",
        parameters: queryParameters(purchaseInputs.listVatReturns.query),
        responses: {
          "200": h.dataResponse("The year's periods", {
            type: "object",
            properties: {
              business: { type: "object", properties: { id: { type: "string", format: "uuid" }, name: { type: "string" } } },
              year: { type: "integer" },
              frequency: { type: "string", enum: ["quarter", "month"] },
              periods: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    label: { type: "string" },
                    from: h.isoDate,
                    to: h.isoDate,
                    dueDate: h.isoDate,
                    outsideKorFrom: h.nullable(h.isoDate),
                    required: { type: "boolean" },
                    status: { type: "string", enum: ["notRequired", "open", "filed", "correctionNeeded"] },
                    filedOn: h.nullable(h.isoDate),
                    vatEuros5g: { type: "integer" },
                  },
                },
              },
            },
          }),
          "400": h.writeErrors["400"],
          ...h.commonErrors,
        },
      },
    },
    "/api/v1/businesses/{businessId}/vat-returns/{period}": {
      parameters: [h.businessIdParam, periodParam],
      get: {
        operationId: "getVatReturn",
        summary: "The btw-aangifte of one period: rubrieken 1a–5g with the documents behind them, the filing mark and the correction",
        responses: { "200": h.dataResponse("The VAT return", h.ref("VatReturn")), "400": h.writeErrors["400"], ...h.commonErrors },
      },
    },
    "/api/v1/businesses/{businessId}/vat-returns/{period}/filing": {
      parameters: [h.businessIdParam, periodParam],
      post: {
        operationId: "fileVatReturn",
        summary: "Mark the period's VAT return as filed, keeping its figures; or, with correction, mark its correction (suppletie) filed",
        requestBody: jsonRequestBody(purchaseInputs.fileVatReturn.body),
        responses: {
          "201": h.dataResponse("The filing", {
            type: "object",
            properties: { period: { type: "string" }, filedOn: h.isoDate, figures: { type: "object" }, updatedAt: { type: "string" } },
          }),
          ...h.commonErrors,
          ...h.writeErrors,
          "409": h.errorResponse("CONFLICT: already marked filed (send correction: true for a suppletie)."),
        },
      },
    },
  };
  return {
    paths,
    schemas: {
      PurchaseInput: inputJsonSchema(purchaseInputs.createPurchase.body),
      PurchasePatch: inputJsonSchema(purchaseInputs.updatePurchase.body),
      Purchase: purchase,
      VatReturn: vatReturn,
    },
  };
}
