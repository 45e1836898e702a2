// The businesses part of the OpenAPI document (lib/platform/api/openapi.ts assembles it): listing
// and creating businesses. The body comes from `businessInputs` (lib/platform/api/openapi-zod.ts);
// the answer is written by hand (a typed DTO).
import { businessInputSchema } from "@/lib/features/businesses/business.types";
import { inputJsonSchema, type ApiInputs } from "@/lib/platform/api/openapi-zod";
import {
  commonErrors,
  dataResponse,
  idempotencyErrors,
  idempotencyKeyParam,
  isoDate,
  jsonBody,
  nullable,
  ref,
  writeErrors,
} from "@/lib/platform/api/openapi-shared";

/** The zod schemas the business routes validate with, by operationId. */
export const businessInputs = {
  createBusiness: { body: businessInputSchema },
} satisfies ApiInputs;

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

export const businessesOpenApi = {
  paths: {
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
  },
  schemas: {
    BusinessInput: inputJsonSchema(businessInputs.createBusiness.body),
    Business: business,
  },
};
