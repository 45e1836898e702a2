// The deadlines part of the OpenAPI document (lib/platform/api/openapi.ts assembles it): marking a
// deadline done and taking the mark back. The body comes from `deadlineInputs`
// (lib/platform/api/openapi-zod.ts); the answer is written by hand.
import { deadlineDoneSchema } from "@/lib/features/deadlines/deadline-done";
import { jsonRequestBody, type ApiInputs } from "@/lib/platform/api/openapi-zod";
import { businessIdParam, commonErrors, dataResponse, isoDate, writeErrors } from "@/lib/platform/api/openapi-shared";

/** The zod schemas the deadline routes validate with, by operationId. */
export const deadlineInputs = {
  markDeadlineDone: { body: deadlineDoneSchema },
} satisfies ApiInputs;

export const deadlinesOpenApi = {
  paths: {
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
        requestBody: jsonRequestBody(deadlineInputs.markDeadlineDone.body),
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
  },
};
