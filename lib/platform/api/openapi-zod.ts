// The API document's request side, generated from the zod schemas the routes validate
// with (zod 4's z.toJSONSchema), so the document cannot drift from validation. Each
// feature's part of the document (openapi-*.ts) declares its operations' input schemas in
// an `ApiInputs` map and builds the request bodies and query parameters from it;
// lib/platform/api/openapi.test.ts compares the document with these schemas, and
// test/api/openapi-inputs.int.test.ts checks that each route really parses with them.
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

/** The zod schemas one operation's route validates with: its JSON body and its query string. */
export type ApiInput = { body?: z.ZodType; query?: z.ZodObject };
export type ApiInputs = Record<string, ApiInput>;

/**
 * The JSON Schema of what a client sends (io "input": before defaults and transforms, so a
 * field with a default is optional), as OpenAPI 3.1 takes it: draft 2020-12, without `$schema`.
 */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "throw" }) as JsonSchema;
  return json;
}

/** A required application/json request body. */
export function jsonRequestBody(schema: z.ZodType) {
  return { required: true, content: { "application/json": { schema: inputJsonSchema(schema) } } };
}

/**
 * One query parameter per key of the route's query schema, in the schema's order; its
 * description moves from the schema to the parameter, where OpenAPI tools show it.
 */
export function queryParameters(schema: z.ZodObject) {
  const json = inputJsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: "query" as const,
      ...(json.required?.includes(name) ? { required: true } : {}),
      ...(typeof description === "string" ? { description } : {}),
      schema: propertySchema,
    };
  });
}

/** A query parameter that carries JSON (`?mapping={…}`), described by the schema it is parsed with. */
export function jsonQueryParameter(name: string, schema: z.ZodType, description: string) {
  return { name, in: "query" as const, description, content: { "application/json": { schema: inputJsonSchema(schema) } } };
}
