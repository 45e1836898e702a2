// The OpenAPI document is valid JSON of version 3.1, documents every route file under
// app/api/v1 with exactly the methods it implements, and every $ref resolves.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

const ROOT = path.resolve(import.meta.dirname, "../..");
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
    expect(Object.keys(document.paths), `${apiPath} is missing from lib/api/openapi.ts`).toContain(apiPath);
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
