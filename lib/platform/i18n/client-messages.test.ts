// Every key a client component translates must reach the browser: the test reads each
// "use client" file, finds its translators (useTranslations with or without a namespace)
// and the literal keys (and `template.${…}` prefixes) it calls them with, and looks each
// up in clientMessages of both languages. Keys that arrive at run time (field and form
// messages from the server) come from whole namespaces that clientMessages keeps.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/lib/platform/i18n/messages/en/index";
import nl from "@/lib/platform/i18n/messages/nl/index";
import { clientMessages } from "@/lib/platform/i18n/client-messages";

const ROOTS = ["app", "components", "lib"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The keys (or key prefixes, ending in ".") a client file translates, fully qualified. A
 * call belongs to the nearest translator of that name declared before it (files hold
 * several components, each with its own `t`).
 */
function translatedKeys(source: string): string[] {
  const declarations = [...source.matchAll(/const (\w+) = useTranslations\((?:"([\w.]+)")?\)/g)].map((match) => ({
    name: match[1]!,
    namespace: match[2],
    at: match.index,
  }));
  return [...new Set(declarations.map((declaration) => declaration.name))].flatMap((name) =>
    [...source.matchAll(new RegExp(`\\b${name}(?:\\.(?:rich|markup|has))?\\(\\s*(?:"([^"]+)"|\`([^\`$]*))`, "g"))].flatMap((call) => {
      const owner = declarations.filter((declaration) => declaration.name === name && declaration.at < call.index).at(-1);
      return owner ? [[owner.namespace, call[1] ?? call[2]].filter(Boolean).join(".")] : [];
    }),
  );
}

function resolves(messages: unknown, key: string): boolean {
  const parts = key.replace(/\.$/, "").split(".");
  const node = parts.reduce<unknown>(
    (current, part) => (current && typeof current === "object" ? (current as Record<string, unknown>)[part] : undefined),
    messages,
  );
  return key.endsWith(".") ? typeof node === "object" && node !== null : node !== undefined;
}

const clientFiles = ROOTS.flatMap(sourceFiles).filter((file) => /^["']use client["']/m.test(fs.readFileSync(file, "utf8")));

describe("clientMessages", () => {
  it("finds the client components and the keys they translate", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
    expect(
      translatedKeys(
        `const t = useTranslations("dashboard");\nt("comparison.intro", {}); t(\`comparison.\${x}\`); const u = useTranslations();\nu.has("validation.x")`,
      ),
    ).toEqual(["dashboard.comparison.intro", "dashboard.comparison.", "validation.x"]);
  });

  for (const [language, messages] of [
    ["nl", nl],
    ["en", en],
  ] as const) {
    it(`holds every key a client component translates (${language})`, () => {
      const picked = clientMessages(messages);
      const missing = clientFiles.flatMap((file) =>
        translatedKeys(fs.readFileSync(file, "utf8"))
          .filter((key) => !resolves(picked, key))
          .map((key) => `${file}: ${key}`),
      );
      expect(missing).toEqual([]);
    });
  }

  it("leaves out what only the server translates", () => {
    const picked = clientMessages(nl);
    expect(Object.keys(picked)).not.toContain("notifications");
    expect(Object.keys(picked)).not.toContain("invoices");
    expect(Object.keys(picked.dashboard as object).sort()).toEqual(["col", "comparison", "revision"]);
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(nl).length * 0.7);
  });
});
