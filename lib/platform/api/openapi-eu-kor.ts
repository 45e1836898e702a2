// The EU-KOR part of the OpenAPI document (lib/platform/api/openapi.ts assembles it): the
// quarterly report figures and the ICP and OSS figures. Query parameters come from
// `euKorInputs` (lib/platform/api/openapi-zod.ts); the answers are written by hand (typed DTOs).
import { filingQuerySchema } from "@/lib/platform/api/api-query.types";
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

/** The zod schemas the EU-KOR report routes validate with, by operationId. */
export const euKorInputs = {
  getEuKorQuarters: { query: filingQuerySchema },
  getIcpOss: { query: filingQuerySchema },
} satisfies ApiInputs;

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

export const euKorOpenApi = {
  paths: {
    "/api/v1/businesses/{businessId}/eu-kor/quarters": {
      parameters: [businessIdParam],
      get: {
        operationId: "getEuKorQuarters",
        summary:
          "EU-KOR quarterly report figures: per quarter, per member state, the value of the supplies with each line's rule; the 15-working-day notice after crossing €100,000",
        parameters: queryParameters(euKorInputs.getEuKorQuarters.query),
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
        parameters: queryParameters(euKorInputs.getIcpOss.query),
        responses: { "200": dataResponse("The year's ICP and OSS figures", ref("IcpOss")), "400": writeErrors["400"], ...commonErrors },
      },
    },
  },
  schemas: { EuKorQuarters: euKorQuarters, IcpOss: icpOss },
};
