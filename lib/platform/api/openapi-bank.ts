// The bank-statement part of the OpenAPI document (lib/platform/api/openapi.ts spreads it in):
// the import, the candidate list and the review actions. Bodies and query parameters come
// from `bankInputs` (lib/platform/api/openapi-zod.ts); the answers are written by hand (typed DTOs).
import { CATEGORY_CODES } from "@/lib/kor";
import { BANK_FORMATS } from "@/lib/features/bank/statement.types";
import {
  acceptBankLineSchema,
  INCOMING_FILTERS,
  listBankLinesQuerySchema,
  rejectBankLineSchema,
} from "@/lib/features/bank/bank-import.types";
import { MAX_CSV_BYTES } from "@/lib/platform/api/read-csv-body";
import { inputJsonSchema, queryParameters, type ApiInputs } from "@/lib/platform/api/openapi-zod";

/** The zod schemas the bank routes validate with, by operationId. */
export const bankInputs = {
  listBankLines: { query: listBankLinesQuerySchema },
  acceptBankLine: { body: acceptBankLineSchema },
  rejectBankLine: { body: rejectBankLineSchema },
} satisfies ApiInputs;

type Helpers = {
  ref: (name: string) => unknown;
  dataResponse: (description: string, schema: unknown) => unknown;
  errorResponse: (description: string) => unknown;
  commonErrors: Record<string, unknown>;
  writeErrors: Record<string, unknown>;
  businessIdParam: unknown;
  isoDate: Record<string, unknown>;
  nullable: (schema: Record<string, unknown>) => unknown;
};

const lineIdParam = { name: "lineId", in: "path", required: true, schema: { type: "string", format: "uuid" } };

export function bankPaths(h: Helpers) {
  const conflict = h.errorResponse(
    "CONFLICT: another import of this business is running (`fields.file`), or the line was already decided (`fields.line`).",
  );
  const lineAnswer = (description: string, extra: Record<string, unknown> = {}) => ({
    description,
    content: {
      "application/json": {
        schema: { type: "object", properties: { data: h.ref("BankLine"), ...extra }, required: ["data", ...Object.keys(extra)] },
      },
    },
  });
  return {
    "/api/v1/businesses/{businessId}/bank-statements": {
      parameters: [h.businessIdParam],
      post: {
        operationId: "importBankStatement",
        summary: "Import a bank statement, all or nothing; answers its summary and the turnover candidates",
        description:
          "The file is the body, its format recognised from its content (CAMT.053 `camt.053.001.02` and later; MT940 and the banks' CSV exports where supported). Each line is stored once per business, account and line identity (the bank's reference, else a hash): re-importing a statement adds nothing. Money in becomes a candidate to review, unless it pays an invoice already registered (number in the description, or amount and customer: `matched`), comes from one of the business's own accounts, is a reversal, a refund or a private deposit (`excluded`, with the reason), or the counterparty's remembered rule decides it. A file that cannot be read is 400 with `fields.file` (`fieldKeys.file`: the i18n key of the reason). Access is checked before the body is read; one import per business at a time (409).",
        requestBody: {
          required: true,
          content: {
            "application/xml": { schema: { type: "string" } },
            "text/plain": { schema: { type: "string" } },
            "text/csv": { schema: { type: "string" } },
            "application/octet-stream": { schema: { type: "string", format: "binary" } },
          },
        },
        responses: {
          "201": h.dataResponse("Imported, with new lines", h.ref("BankStatementImport")),
          "200": h.dataResponse("Imported, every line already known (nothing added)", h.ref("BankStatementImport")),
          ...h.writeErrors,
          "409": conflict,
          "413": h.errorResponse(`File larger than ${MAX_CSV_BYTES / 1024 / 1024} MB (code PAYLOAD_TOO_LARGE).`),
          "415": h.errorResponse(
            "Content-Type is not application/xml, text/xml, text/plain, text/csv or application/octet-stream (code UNSUPPORTED_MEDIA_TYPE).",
          ),
          ...h.commonErrors,
        },
      },
    },
    "/api/v1/businesses/{businessId}/bank-lines": {
      parameters: [h.businessIdParam],
      get: {
        operationId: "listBankLines",
        summary: "One page of the business's bank lines, by status, with each status's count",
        description:
          "`status`: `candidates` (to review, oldest payment first), `accepted`, `rejected`, `left_out` (paid an existing invoice or excluded for a reason), `incoming` (every line of money in) or `all` (money out too); all but `candidates` newest payment first. `page` counts from 1; a page after the last is empty. `page.total` is the filter's number of lines, `page.pages` its number of pages; `counts` gives every incoming filter's number, whatever the page. A `page` or `pageSize` that is not a whole number in range is 400 with `fields` and `fieldKeys`.",
        parameters: queryParameters(bankInputs.listBankLines.query),
        responses: {
          "200": {
            description: "One page of lines",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: { type: "array", items: h.ref("BankLine") },
                    page: {
                      type: "object",
                      properties: {
                        page: { type: "integer" },
                        pageSize: { type: "integer" },
                        total: { type: "integer", description: "Lines of this filter." },
                        pages: { type: "integer", description: "Pages of this filter (at least 1)." },
                      },
                      required: ["page", "pageSize", "total", "pages"],
                    },
                    counts: {
                      type: "object",
                      description: "Lines of money in per filter.",
                      properties: Object.fromEntries(INCOMING_FILTERS.map((filter) => [filter, { type: "integer" }])),
                      required: [...INCOMING_FILTERS],
                    },
                  },
                  required: ["data", "page", "counts"],
                },
              },
            },
          },
          "400": h.writeErrors["400"],
          ...h.commonErrors,
        },
      },
    },
    "/api/v1/businesses/{businessId}/bank-lines/{lineId}/accept": {
      parameters: [h.businessIdParam, lineIdParam],
      post: {
        operationId: "acceptBankLine",
        summary: "Accept a candidate as turnover: creates a cash sale with the payment as its source",
        description:
          "The invoice is dated on the payment's booking date unless `date` (the invoice's own date) is given, numbered `BANK-<date>-<id>` unless `number` is given, with the confirmed `category` and the net amount the payment less `vatCents`; a payment in another currency is booked in euros by `euroCents` or `exchangeRate`, keeping its currency, foreign amount and rate. Every field's problem, those of the body and those the line's currency and amount find, comes in one 400 answer. `remember: true` keeps the choice for the counterparty: its next payments are accepted with this category on import.",
        requestBody: { required: true, content: { "application/json": { schema: h.ref("BankLineAccept") } } },
        responses: {
          "201": lineAnswer("Accepted", { invoice: h.ref("Invoice"), vatAdvice: h.ref("VatAdvice") }),
          ...h.writeErrors,
          "409": conflict,
          ...h.commonErrors,
        },
      },
    },
    "/api/v1/businesses/{businessId}/bank-lines/{lineId}/reject": {
      parameters: [h.businessIdParam, lineIdParam],
      post: {
        operationId: "rejectBankLine",
        summary: "Reject a candidate: not turnover",
        description:
          "`remember: true` keeps the choice for the counterparty: its next payments are left out on import (reason `counterparty_rule`).",
        requestBody: { required: true, content: { "application/json": { schema: h.ref("BankLineReject") } } },
        responses: { "200": lineAnswer("Rejected"), ...h.writeErrors, "409": conflict, ...h.commonErrors },
      },
    },
  };
}

export function bankSchemas(h: Helpers) {
  const amount = {
    type: "object",
    properties: { amountCents: { type: "integer" }, currency: { type: "string" } },
    required: ["amountCents", "currency"],
  };
  const invoiceLink = h.nullable({
    type: "object",
    properties: { id: { type: "string", format: "uuid" }, number: { type: "string" } },
    required: ["id", "number"],
  });
  return {
    BankLine: {
      type: "object",
      properties: {
        id: { type: "string", format: "uuid" },
        importId: { type: "string", format: "uuid" },
        accountIban: { type: "string" },
        bookingDate: h.isoDate,
        valueDate: h.nullable(h.isoDate),
        amountCents: { type: "integer", description: "Cents of `currency`; positive is money in." },
        currency: { type: "string" },
        originalAmount: h.nullable(amount),
        counterpartyName: h.nullable({ type: "string" }),
        counterpartyIban: h.nullable({ type: "string" }),
        description: { type: "string" },
        status: { type: "string", enum: ["candidate", "accepted", "rejected", "matched", "excluded", "outgoing"] },
        exclusion: h.nullable({ type: "string", enum: ["own_account", "reversal", "refund", "private_deposit", "counterparty_rule"] }),
        matchedInvoice: invoiceLink,
        invoice: invoiceLink,
        rule: h.nullable({
          type: "object",
          properties: {
            decision: { type: "string", enum: ["turnover", "not_turnover"] },
            category: h.nullable({ type: "string", enum: CATEGORY_CODES }),
          },
          required: ["decision", "category"],
        }),
      },
      required: ["id", "bookingDate", "amountCents", "currency", "description", "status"],
    },
    BankStatementImport: {
      type: "object",
      properties: {
        statement: {
          type: "object",
          properties: {
            id: { type: "string", format: "uuid" },
            format: { type: "string", enum: BANK_FORMATS },
            accountIban: h.nullable({
              type: "string",
              description: "The statement's account; with several accounts in the file, the first.",
            }),
            accountIbans: {
              type: "array",
              items: { type: "string" },
              description: "Every account the file's lines are booked on (a file may hold statements of several accounts).",
            },
            statementId: h.nullable({ type: "string" }),
            fromDate: h.nullable(h.isoDate),
            toDate: h.nullable(h.isoDate),
            openingBalanceCents: h.nullable({ type: "integer" }),
            closingBalanceCents: h.nullable({ type: "integer" }),
            lines: { type: "integer" },
            newLines: { type: "integer", description: "Lines not imported before." },
            candidates: { type: "integer" },
            matched: { type: "integer" },
            excluded: { type: "integer" },
            acceptedByRule: { type: "integer" },
            outgoing: { type: "integer" },
          },
          required: ["id", "format", "lines", "newLines", "candidates"],
        },
        candidates: {
          type: "array",
          items: h.ref("BankLine"),
          description: "This statement's candidates (at most 200; page through GET bank-lines for more).",
        },
      },
      required: ["statement", "candidates"],
    },
    BankLineAccept: inputJsonSchema(bankInputs.acceptBankLine.body),
    BankLineReject: inputJsonSchema(bankInputs.rejectBankLine.body),
  };
}
