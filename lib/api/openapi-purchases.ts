// The OpenAPI paths and schemas of purchases and the VAT return (issue #20), kept beside
// openapi.ts (which merges them in) so that file stays readable. The shared helpers come in
// as arguments: no import cycle. Bodies and query parameters come from `purchaseInputs`
// (lib/api/openapi-zod.ts); the answers are written by hand (typed DTOs).
import {
  listPurchasesQuerySchema,
  PURCHASE_CATEGORIES,
  PURCHASE_DOCUMENT_KINDS,
  PURCHASE_VAT_TREATMENTS,
  purchaseInputSchema,
  purchasePatchSchema,
} from "@/lib/purchases/purchase.types";
import { RUBRIEK_CODES } from "@/lib/vat-return/compute-vat-return";
import { fileVatReturnSchema, periodLabel, vatReturnYearQuerySchema } from "@/lib/vat-return/vat-return.types";
import { inputJsonSchema, jsonRequestBody, queryParameters, type ApiInputs } from "@/lib/api/openapi-zod";

/** The zod schemas the purchase and VAT-return routes validate with, by operationId. */
export const purchaseInputs = {
  listPurchases: { query: listPurchasesQuerySchema },
  createPurchase: { body: purchaseInputSchema },
  updatePurchase: { body: purchasePatchSchema },
  listVatReturns: { query: vatReturnYearQuerySchema },
  fileVatReturn: { body: fileVatReturnSchema },
} satisfies ApiInputs;

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
          "A header row names the columns (Dutch or English): date/datum, supplier/leverancier and net/netto are required; country/land, vatId/btw-nummer, reference/nummer, vat/btw, rate/tarief, vatTreatment/btw-behandeling, category/categorie, kind/soort, description/omschrijving are optional. Dutch or ISO amounts and dates. At most 5,000 rows. With any problem nothing is imported and `fields` names `rows.<line>.<column>` (`fieldKeys`: the same as i18n keys). Access is checked before the body is read.",
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
