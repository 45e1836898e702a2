// The turnover part of the OpenAPI document (lib/platform/api/openapi.ts assembles it): a year's
// KOR and EU-KOR turnover, and its statement as a PDF. Query parameters come from
// `turnoverInputs` (lib/platform/api/openapi-zod.ts); the answers are written by hand (typed DTOs).
import { statementPdfQuerySchema, turnoverQuerySchema } from "@/lib/platform/api/api-query.types";
import { queryParameters, type ApiInputs } from "@/lib/platform/api/openapi-zod";
import {
  bilingual,
  businessIdParam,
  cents,
  commonErrors,
  dataResponse,
  isoDate,
  nullable,
  ref,
  ruleRef,
  writeErrors,
} from "@/lib/platform/api/openapi-shared";

/** The zod schemas the turnover routes validate with, by operationId. */
export const turnoverInputs = {
  getTurnover: { query: turnoverQuerySchema },
  getStatementPdf: { query: statementPdfQuerySchema },
} satisfies ApiInputs;

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

export const turnoverOpenApi = {
  paths: {
    "/api/v1/businesses/{businessId}/turnover": {
      parameters: [businessIdParam],
      get: {
        operationId: "getTurnover",
        summary: "KOR and EU-KOR turnover of one year, crossings, alerts and projection",
        parameters: queryParameters(turnoverInputs.getTurnover.query),
        responses: { "200": dataResponse("Turnover", ref("Turnover")), "400": writeErrors["400"], ...commonErrors },
      },
    },
  },
  /** The statement, listed after the deadlines in the document. */
  statementPaths: {
    "/api/v1/businesses/{businessId}/statement.pdf": {
      parameters: [businessIdParam],
      get: {
        operationId: "getStatementPdf",
        summary: "The year's statement as a PDF: counted KOR turnover per kind and month, the crossing and remediation, the deadlines",
        parameters: queryParameters(turnoverInputs.getStatementPdf.query),
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
  },
  schemas: { Turnover: turnover },
};
