// No drift between the API document and validation: every JSON request body and every
// query parameter the document shows is exactly the JSON Schema of the zod schema the
// route parses with (`apiInputs`; test/api/openapi-inputs.int.test.ts checks that the
// routes really parse with those), and nothing the zod schemas accept is left out. The
// check is run once on the served document and once on a document that a changed zod
// schema has left behind, to show that it notices.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { turnoverQuerySchema } from "@/lib/platform/api/api-query.types";
import { apiInputs, apiJsonQueryInputs, openApiDocument } from "@/lib/platform/api/openapi";
import type { ApiInputs } from "@/lib/platform/api/openapi-zod";
import { deadlineDoneSchema } from "@/lib/features/deadlines/deadline-done";

type Schema = Record<string, unknown> & { $ref?: string; properties?: Record<string, Schema>; required?: string[] };
type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
  content?: Record<string, { schema: Schema }>;
};
type Operation = { operationId: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };
type Document = { paths: Record<string, Record<string, Operation | Parameter[]>>; components: { schemas: Record<string, Schema> } };
type JsonQueryInputs = Record<string, Record<string, z.ZodType>>;

/** Query parameters read by a route without zod (a flag compared with "true", a file name cut to 200 characters). */
const HAND_WRITTEN_QUERY: Record<string, string[]> = {
  importInvoices: ["dryRun"],
  importEInvoices: ["dryRun", "fileName"],
  importPurchaseEInvoices: ["dryRun", "fileName"],
};
const METHODS = ["get", "post", "put", "patch", "delete"];

/** What a client may send, straight from zod (not through lib/platform/api/openapi-zod.ts). */
function fromZod(schema: z.ZodType): Schema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input" }) as Schema;
  return json;
}

function difference(documented: unknown, expected: unknown, at = ""): string | null {
  if (isDeepStrictEqual(documented, expected)) return null;
  if (documented && expected && typeof documented === "object" && typeof expected === "object" && !Array.isArray(expected)) {
    for (const key of new Set([...Object.keys(documented), ...Object.keys(expected)])) {
      const found = difference((documented as Schema)[key], (expected as Schema)[key], `${at}/${key}`);
      if (found) return found;
    }
  }
  return `${at || "/"}: documented ${JSON.stringify(documented)?.slice(0, 200)}, zod ${JSON.stringify(expected)?.slice(0, 200)}`;
}

/** Every way the document's request side differs from the zod schemas; empty when it is generated from them. */
function inputDrift(document: Document, inputs: ApiInputs, jsonQueryInputs: JsonQueryInputs): string[] {
  const problems: string[] = [];
  const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(document.components.schemas[schema.$ref.split("/").pop()!]!) : schema);
  const documented = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const id = operation.operationId;
      documented.add(id);
      const input = inputs[id] ?? {};
      const body = operation.requestBody?.content["application/json"]?.schema;
      if (body && !input.body) problems.push(`${id}: a JSON body that is not the zod schema its route parses (add it to the inputs)`);
      if (!body && input.body) problems.push(`${id}: its zod body schema is not documented`);
      if (body && input.body) {
        const found = difference(resolve(body), fromZod(input.body));
        if (found) problems.push(`${id} body ${found}`);
      }

      const expected = input.query ? fromZod(input.query) : { properties: {}, required: [] };
      const properties = expected.properties ?? {};
      const query = (operation.parameters ?? []).filter((parameter) => parameter.in === "query");
      for (const parameter of query) {
        const name = parameter.name;
        const property = properties[name];
        const json = jsonQueryInputs[id]?.[name];
        if (property) {
          const { description, ...schema } = property;
          const found =
            difference(parameter.schema, schema) ??
            difference(parameter.description, description) ??
            difference(parameter.required ?? false, expected.required?.includes(name) ?? false);
          if (found) problems.push(`${id} query ${name} ${found}`);
        } else if (json) {
          const found = difference(parameter.content?.["application/json"]?.schema, fromZod(json));
          if (found) problems.push(`${id} query ${name} (JSON) ${found}`);
        } else if (!HAND_WRITTEN_QUERY[id]?.includes(name)) {
          problems.push(`${id}: query parameter ${name} is not in the zod schema its route parses`);
        }
      }
      for (const name of Object.keys(properties)) {
        if (!query.some((parameter) => parameter.name === name))
          problems.push(`${id}: query parameter ${name} of its zod schema is not documented`);
      }
      for (const name of Object.keys(jsonQueryInputs[id] ?? {})) {
        if (!query.some((parameter) => parameter.name === name)) problems.push(`${id}: JSON query parameter ${name} is not documented`);
      }
    }
  }
  for (const id of [...Object.keys(inputs), ...Object.keys(jsonQueryInputs)]) {
    if (!documented.has(id)) problems.push(`${id}: has input schemas but is no operation of the document`);
  }
  return problems;
}

const served = () => JSON.parse(JSON.stringify(openApiDocument)) as Document;

describe("the API document's request side is the zod schemas'", () => {
  it("shows every JSON body and query parameter exactly as the zod schema its route parses", () => {
    expect(inputDrift(served(), apiInputs, apiJsonQueryInputs)).toEqual([]);
  });

  it("covers the JSON bodies and query strings of every feature", () => {
    const bodies = Object.entries(apiInputs).flatMap(([id, input]) => (input.body ? [id] : []));
    const queries = Object.entries(apiInputs).flatMap(([id, input]) => (input.query ? [id] : []));
    expect(bodies.sort()).toEqual(
      [
        "acceptBankLine",
        "createBusiness",
        "createInvoice",
        "createPurchase",
        "fileVatReturn",
        "markDeadlineDone",
        "rejectBankLine",
        "updateInvoice",
        "updatePurchase",
      ].sort(),
    );
    expect(queries).toEqual(expect.arrayContaining(["listInvoices", "getTurnover", "listBankLines", "listPurchases", "listVatReturns"]));
  });

  it("notices a field added to a zod schema that the document does not show, in a body and in a query", () => {
    // The served document stands for one written by hand; the schemas gain a field.
    const changed: ApiInputs = {
      ...apiInputs,
      markDeadlineDone: { body: deadlineDoneSchema.extend({ note: z.string().max(200) }) },
      getTurnover: { query: turnoverQuerySchema.extend({ month: z.coerce.number().int().min(1).max(12).optional() }) },
    };
    const problems = inputDrift(served(), changed, apiJsonQueryInputs);
    expect(problems).toEqual([
      expect.stringMatching(/^getTurnover: query parameter month of its zod schema is not documented$/),
      expect.stringMatching(/^markDeadlineDone body \/properties\/note: documented undefined/),
    ]);
  });

  it("notices a hand-written body or query parameter that differs from its zod schema", () => {
    const document = served();
    const operation = document.paths["/api/v1/businesses/{businessId}/deadlines/{deadlineKey}/done"]!.put as Operation;
    operation.requestBody!.content["application/json"]!.schema = {
      type: "object",
      properties: { doneOn: { type: "string" } },
      required: [],
    };
    const list = document.paths["/api/v1/businesses/{businessId}/invoices"]!.get as Operation;
    list.parameters!.push({ name: "customer", in: "query", schema: { type: "string" } });
    const problems = inputDrift(document, apiInputs, apiJsonQueryInputs);
    expect(problems).toEqual([
      expect.stringMatching(/^listInvoices: query parameter customer is not in the zod schema its route parses$/),
      expect.stringMatching(/^markDeadlineDone body /),
    ]);
  });
});
