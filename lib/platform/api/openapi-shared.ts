// What every part of the OpenAPI document (lib/platform/api/openapi.ts assembles it) writes the
// same way: references, dates and cents, the data and error envelopes, the errors every
// route may answer, the business and Idempotency-Key parameters, and the e-invoice upload
// the sales and purchases imports share.
import { MAX_BODY_BYTES } from "@/lib/platform/api/read-json-body";

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const isoDate = { type: "string", format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$", examples: ["2026-03-31"] };
export const cents = { type: "integer", minimum: -2_000_000_000, maximum: 2_000_000_000, description: "Euro cents, an integer." };
export const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: "null" }] });
export const bilingual = { type: "object", properties: { nl: { type: "string" }, en: { type: "string" } }, required: ["nl", "en"] };
export const ruleRef = {
  ruleId: { type: "string", description: "Id in the yearly rule table." },
  rule: { type: "string", description: "Section of docs/domain/KOR-RULES.md, e.g. §3.2." },
  interpretation: { type: "boolean", description: "True when the rule is an interpretation: check with an adviser." },
};

export const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
export const dataResponse = (description: string, schema: unknown) => ({
  description,
  content: { "application/json": { schema: { type: "object", properties: { data: schema }, required: ["data"] } } },
});

export const commonErrors = {
  "401": errorResponse("No credentials, or an unknown or revoked token (code UNAUTHENTICATED)."),
  "404": errorResponse("The business (or invoice) does not exist or the caller may not see it (code NOT_FOUND)."),
  "405": errorResponse("Method not allowed on this path (code METHOD_NOT_ALLOWED); see the Allow header."),
  "429": errorResponse(
    "Too many requests for this API token (or, with the web session, this user): API_RATE_LIMIT per API_RATE_WINDOW_SECONDS, by default 600 a minute (code RATE_LIMITED). Retry after the Retry-After header's seconds; nothing was changed.",
  ),
  "500": errorResponse("Unexpected error (code INTERNAL); details are logged, never returned."),
};
export const writeErrors = {
  "400": errorResponse("Invalid input (VALIDATION_FAILED with `fields`) or a body that is not JSON (MALFORMED_JSON). Nothing was changed."),
  "403": errorResponse("A READ token, a read-only membership, or a cookie-authenticated request from another origin (code FORBIDDEN)."),
  "413": errorResponse(`Body larger than ${MAX_BODY_BYTES} bytes (code PAYLOAD_TOO_LARGE).`),
  "415": errorResponse("Content-Type is not application/json (code UNSUPPORTED_MEDIA_TYPE)."),
};
export const idempotencyErrors = {
  "409": errorResponse(
    "CONFLICT (e.g. the invoice number is taken: `fields.number`) or IDEMPOTENCY_IN_PROGRESS (retry after Retry-After seconds).",
  ),
  "422": errorResponse("IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request."),
};

export const businessIdParam = { name: "businessId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
export const idempotencyKeyParam = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Up to 255 visible ASCII characters, unique per request you mean. A retry with the same key and the same body (method, path and JSON, key order ignored) within 24 hours gets the first answer again, with header `Idempotent-Replayed: true`, and creates nothing. The same key with another request answers 422. Only successful answers are stored, so a refused request may be corrected and retried under the same key.",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};

/** What an e-invoice upload (sales and purchases alike) takes and answers: one UBL file or a zip. */
export const eInvoiceUpload = {
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
export const jsonBody = (schema: unknown) => ({ required: true, content: { "application/json": { schema } } });

/** The error envelope every failure answers with. */
export const errorSchema = {
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
};
