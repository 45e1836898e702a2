// The OpenAPI document is valid JSON of version 3.1 (its structure checked below), documents
// every route file under app/api/v1 with exactly the methods it implements, and every $ref
// resolves. Its request side against the zod schemas: openapi-inputs.test.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/platform/api/openapi";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const API_DIR = path.join(ROOT, "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** app/api/v1/businesses/[businessId]/route.ts → /api/v1/businesses/{businessId} */
function toOpenApiPath(file: string): string {
  const segments = path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep);
  return `/${segments
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
    .join("/")}`;
}

/** Methods a route really serves: exported, and not wired to the 405 answer. */
function implementedMethods(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  return METHODS.filter((method) => {
    return new RegExp(`export\\s+(async\\s+function\\s+${method}\\b|const\\s+${method}\\s*=(?!\\s*(notAllowed|methodNotAllowed)\\b))`).test(
      source,
    );
  });
}

const document = JSON.parse(JSON.stringify(openApiDocument)) as {
  openapi: string;
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
};

describe("openapi.json", () => {
  it("is JSON of OpenAPI 3.1.x with info and paths", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document).toHaveProperty("info.title");
    expect(document).toHaveProperty("info.version");
  });

  const files = routeFiles(API_DIR);

  it("finds the route files", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files.map((file) => [path.relative(ROOT, file), file]))("documents %s with the methods it implements", (_, file) => {
    const apiPath = toOpenApiPath(file);
    expect(Object.keys(document.paths), `${apiPath} is missing from lib/platform/api/openapi.ts`).toContain(apiPath);
    const documented = Object.keys(document.paths[apiPath]!)
      .filter((key) => METHODS.includes(key.toUpperCase() as (typeof METHODS)[number]))
      .map((m) => m.toUpperCase());
    expect(documented.sort()).toEqual(implementedMethods(file).sort());
  });

  it("documents no path without a route file", () => {
    const served = new Set(files.map(toOpenApiPath));
    for (const documented of Object.keys(document.paths)) expect(served, documented).toContain(documented);
  });

  it("gives every operation a unique operationId and responses", () => {
    const ids: string[] = [];
    for (const item of Object.values(document.paths)) {
      for (const [key, operation] of Object.entries(item)) {
        if (key === "parameters") continue;
        expect(operation.operationId).toEqual(expect.any(String));
        expect(Object.keys(operation.responses ?? {}).length).toBeGreaterThan(0);
        ids.push(operation.operationId!);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("resolves every $ref", () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const pointer = ref.slice(8, -1);
      expect(pointer.startsWith("#/")).toBe(true);
      let node: unknown = document;
      for (const part of pointer.slice(2).split("/")) node = (node as Record<string, unknown>)?.[part];
      expect(node, pointer).toBeTruthy();
    }
  });
});

// --- OpenAPI 3.1 structure ---------------------------------------------------------------
// No OpenAPI validator is installed (and the project adds no dependency for one), so the
// rules of OpenAPI 3.1.0 that a generated document could break are checked here: the
// objects' fields, parameters, responses, security, and every Schema Object against the
// JSON Schema 2020-12 vocabulary (no 3.0-only `nullable`, numeric exclusive bounds,
// `required` among the properties, patterns that compile).

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const extension = (key: string) => key.startsWith("x-");
const ROOT_FIELDS = [
  "openapi",
  "info",
  "jsonSchemaDialect",
  "servers",
  "paths",
  "webhooks",
  "components",
  "security",
  "tags",
  "externalDocs",
];
const PATH_ITEM_FIELDS = [
  "$ref",
  "summary",
  "description",
  "servers",
  "parameters",
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
];
const OPERATION_FIELDS = [
  "tags",
  "summary",
  "description",
  "externalDocs",
  "operationId",
  "parameters",
  "requestBody",
  "responses",
  "callbacks",
  "deprecated",
  "security",
  "servers",
];
const PARAMETER_FIELDS = [
  "name",
  "in",
  "description",
  "required",
  "deprecated",
  "allowEmptyValue",
  "style",
  "explode",
  "allowReserved",
  "schema",
  "example",
  "examples",
  "content",
];
const SCHEMA_TYPES = ["null", "boolean", "object", "array", "number", "integer", "string"];
// JSON Schema 2020-12 (core, applicator, unevaluated, validation, meta-data, format, content) and the OpenAPI additions.
const SCHEMA_KEYWORDS = new Set(
  [
    "$id $schema $ref $anchor $dynamicRef $dynamicAnchor $vocabulary $comment $defs",
    "allOf anyOf oneOf not if then else dependentSchemas prefixItems items contains properties patternProperties additionalProperties propertyNames",
    "unevaluatedItems unevaluatedProperties",
    "type enum const multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern maxItems minItems uniqueItems maxContains minContains maxProperties minProperties required dependentRequired",
    "title description default deprecated readOnly writeOnly examples format contentEncoding contentMediaType contentSchema",
    "discriminator xml externalDocs example",
  ]
    .join(" ")
    .split(" "),
);

function schemaProblems(schema: unknown, at: string, problems: string[]): void {
  if (typeof schema === "boolean") return;
  if (!isObject(schema)) {
    problems.push(`${at}: a schema must be an object or a boolean`);
    return;
  }
  for (const key of Object.keys(schema)) {
    if (!SCHEMA_KEYWORDS.has(key) && !extension(key)) problems.push(`${at}: unknown schema keyword ${key}`);
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const type of types) if (!SCHEMA_TYPES.includes(type as string)) problems.push(`${at}: type ${String(type)}`);
  for (const bound of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]) {
    if (bound in schema && typeof schema[bound] !== "number") problems.push(`${at}: ${bound} must be a number (3.1, not 3.0's boolean)`);
  }
  for (const count of ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"]) {
    if (count in schema && !(Number.isInteger(schema[count]) && (schema[count] as number) >= 0)) problems.push(`${at}: ${count}`);
  }
  if ("enum" in schema && !(Array.isArray(schema.enum) && schema.enum.length > 0)) problems.push(`${at}: enum must be a non-empty array`);
  if ("pattern" in schema) {
    try {
      new RegExp(schema.pattern as string, "u");
    } catch {
      problems.push(`${at}: pattern does not compile`);
    }
  }
  if ("format" in schema && typeof schema.format !== "string") problems.push(`${at}: format`);
  if ("required" in schema) {
    const required = schema.required;
    if (!Array.isArray(required) || new Set(required).size !== required.length || required.some((key) => typeof key !== "string"))
      problems.push(`${at}: required must be unique strings`);
    else if (isObject(schema.properties))
      for (const key of required) if (!(key in schema.properties)) problems.push(`${at}: required ${key} is not a property`);
  }
  if ("examples" in schema && !Array.isArray(schema.examples)) problems.push(`${at}: examples must be an array`);
  for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"]) {
    if (key in schema) {
      if (!Array.isArray(schema[key]) || (schema[key] as unknown[]).length === 0) problems.push(`${at}: ${key} must be a non-empty array`);
      else for (const [i, part] of (schema[key] as unknown[]).entries()) schemaProblems(part, `${at}/${key}/${i}`, problems);
    }
  }
  for (const key of [
    "not",
    "items",
    "contains",
    "additionalProperties",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "if",
    "then",
    "else",
  ]) {
    if (key in schema) schemaProblems(schema[key], `${at}/${key}`, problems);
  }
  for (const key of ["properties", "patternProperties", "$defs", "dependentSchemas"]) {
    if (key in schema) {
      if (!isObject(schema[key])) problems.push(`${at}: ${key} must be an object`);
      else for (const [name, part] of Object.entries(schema[key] as Json)) schemaProblems(part, `${at}/${key}/${name}`, problems);
    }
  }
}

function contentProblems(content: unknown, at: string, problems: string[]): void {
  if (!isObject(content) || Object.keys(content).length === 0) {
    problems.push(`${at}: content must map at least one media type`);
    return;
  }
  for (const [mediaType, media] of Object.entries(content)) {
    if (!/^[\w.+-]+\/[\w.+*-]+$/.test(mediaType)) problems.push(`${at}: media type ${mediaType}`);
    if (!isObject(media)) problems.push(`${at}/${mediaType}: a Media Type Object`);
    else if ("schema" in media) schemaProblems(media.schema, `${at}/${mediaType}/schema`, problems);
  }
}

/** Problems of a document as OpenAPI 3.1.0; empty when it passes. */
function openApi31Problems(doc: Json): string[] {
  const problems: string[] = [];
  if (typeof doc.openapi !== "string" || !/^3\.1\.\d+$/.test(doc.openapi)) problems.push("openapi must be 3.1.x");
  for (const key of Object.keys(doc)) if (!ROOT_FIELDS.includes(key) && !extension(key)) problems.push(`unknown root field ${key}`);
  const info = doc.info;
  if (!isObject(info) || typeof info.title !== "string" || typeof info.version !== "string") problems.push("info needs title and version");
  const components = isObject(doc.components) ? doc.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  for (const [name, scheme] of Object.entries(schemes)) {
    if (!isObject(scheme) || !["apiKey", "http", "mutualTLS", "oauth2", "openIdConnect"].includes(scheme.type as string))
      problems.push(`securityScheme ${name}: type`);
    else if (scheme.type === "http" && typeof scheme.scheme !== "string") problems.push(`securityScheme ${name}: scheme`);
    else if (scheme.type === "apiKey" && !(typeof scheme.name === "string" && ["query", "header", "cookie"].includes(scheme.in as string)))
      problems.push(`securityScheme ${name}: name and in`);
  }
  const securityProblems = (security: unknown, at: string) => {
    if (!Array.isArray(security)) return problems.push(`${at}: security must be an array`);
    for (const requirement of security)
      for (const name of Object.keys(isObject(requirement) ? requirement : {}))
        if (!(name in schemes)) problems.push(`${at}: security scheme ${name} is not defined`);
  };
  if ("security" in doc) securityProblems(doc.security, "root");
  for (const [name, schema] of Object.entries(isObject(components.schemas) ? components.schemas : {}))
    schemaProblems(schema, `#/components/schemas/${name}`, problems);

  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [apiPath, item] of Object.entries(paths)) {
    if (!apiPath.startsWith("/")) problems.push(`${apiPath}: a path starts with /`);
    if (!isObject(item)) continue;
    for (const key of Object.keys(item))
      if (!PATH_ITEM_FIELDS.includes(key) && !extension(key)) problems.push(`${apiPath}: unknown field ${key}`);
    const templated = [...apiPath.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
    for (const method of ["get", "put", "post", "delete", "options", "head", "patch", "trace"]) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const at = `${method.toUpperCase()} ${apiPath}`;
      for (const key of Object.keys(operation))
        if (!OPERATION_FIELDS.includes(key) && !extension(key)) problems.push(`${at}: unknown field ${key}`);
      const parameters = [...((item.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])];
      const seen = new Set<string>();
      for (const parameter of parameters) {
        if (!isObject(parameter)) {
          problems.push(`${at}: a parameter must be an object`);
          continue;
        }
        const label = `${at} parameter ${String(parameter.name)}`;
        for (const key of Object.keys(parameter))
          if (!PARAMETER_FIELDS.includes(key) && !extension(key)) problems.push(`${label}: unknown field ${key}`);
        if (typeof parameter.name !== "string") problems.push(`${label}: name`);
        if (!["query", "header", "path", "cookie"].includes(parameter.in as string)) problems.push(`${label}: in`);
        const identity = `${String(parameter.in)}:${String(parameter.name)}`;
        // An operation's parameter may override the path item's with the same name and location.
        if (seen.has(identity) && !(item.parameters as unknown[] | undefined)?.includes(parameter)) problems.push(`${label}: twice`);
        seen.add(identity);
        if (parameter.in === "path") {
          if (parameter.required !== true) problems.push(`${label}: a path parameter must be required`);
          if (!templated.includes(parameter.name as string)) problems.push(`${label}: not in the path`);
        }
        if ("schema" in parameter === "content" in parameter) problems.push(`${label}: exactly one of schema and content`);
        if ("schema" in parameter) schemaProblems(parameter.schema, `${label}/schema`, problems);
        if ("content" in parameter) {
          contentProblems(parameter.content, label, problems);
          if (isObject(parameter.content) && Object.keys(parameter.content).length !== 1)
            problems.push(`${label}: content has exactly one entry`);
        }
      }
      for (const name of templated)
        if (!parameters.some((parameter) => isObject(parameter) && parameter.in === "path" && parameter.name === name))
          problems.push(`${at}: path parameter ${name} is not described`);
      if ("requestBody" in operation) {
        const body = operation.requestBody;
        if (!isObject(body)) problems.push(`${at}: requestBody`);
        else contentProblems(body.content, `${at} requestBody`, problems);
      }
      const responses = operation.responses;
      if (!isObject(responses) || Object.keys(responses).length === 0) problems.push(`${at}: responses`);
      for (const [status, response] of Object.entries(isObject(responses) ? responses : {})) {
        if (!/^([1-5](\d\d|XX)|default)$/.test(status)) problems.push(`${at}: response status ${status}`);
        if (!isObject(response) || typeof response.description !== "string")
          problems.push(`${at} ${status}: a response needs a description`);
        else if ("content" in response) contentProblems(response.content, `${at} ${status}`, problems);
      }
      if ("security" in operation) securityProblems(operation.security, at);
    }
  }
  return problems;
}

describe("openapi.json is valid OpenAPI 3.1 (structural checks)", () => {
  it("passes every check", () => {
    expect(openApi31Problems(JSON.parse(JSON.stringify(openApiDocument)))).toEqual([]);
  });

  it("the checks find what a broken document gets wrong", () => {
    const broken = JSON.parse(JSON.stringify(openApiDocument)) as Json & {
      paths: Record<string, Record<string, Json & { parameters?: Json[] }>>;
      components: { schemas: Record<string, Json> };
    };
    broken.components.schemas.Invoice!.nullable = true;
    (broken.components.schemas.BusinessInput!.required as string[]).push("nickname");
    // The path item's own parameters lose {invoiceId}.
    const item = broken.paths["/api/v1/businesses/{businessId}/invoices/{invoiceId}"] as unknown as { parameters: Json[] };
    item.parameters = [item.parameters[0]!];
    broken.paths["/api/v1/businesses/{businessId}/turnover"]!.get!.parameters![0]!.content = { "application/json": {} };
    broken.paths["/api/v1/businesses"]!.get!.responses = { "200": {} };
    expect(openApi31Problems(broken)).toEqual(
      expect.arrayContaining([
        "#/components/schemas/Invoice: unknown schema keyword nullable",
        "#/components/schemas/BusinessInput: required nickname is not a property",
        "GET /api/v1/businesses/{businessId}/invoices/{invoiceId}: path parameter invoiceId is not described",
        "GET /api/v1/businesses/{businessId}/turnover parameter year: exactly one of schema and content",
        "GET /api/v1/businesses 200: a response needs a description",
      ]),
    );
  });
});
