// The contract's containment matching of a vector's `expect` against an EngineOutput
// (docs/domain/ENGINE-CONTRACT.md "Vectors"): every expected key present with a matching value,
// recursively; arrays element by element with the same length; numbers exactly. The
// special key `alertCodesInclude` lists codes that must each appear in alerts[].code.

export type Mismatch = { path: string; expected: unknown; actual: unknown; problem: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function walk(expected: unknown, actual: unknown, path: string, out: Mismatch[]): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push({ path, expected, actual, problem: "expected an array" });
      return;
    }
    if (actual.length !== expected.length) {
      out.push({ path, expected, actual, problem: `expected ${expected.length} elements, got ${actual.length}` });
      return;
    }
    for (const [i, e] of expected.entries()) walk(e, actual[i], `${path}[${i}]`, out);
    return;
  }
  if (isObject(expected)) {
    if (!isObject(actual)) {
      out.push({ path, expected, actual, problem: "expected an object" });
      return;
    }
    for (const [key, value] of Object.entries(expected)) {
      const childPath = path === "" ? key : `${path}.${key}`;
      if (key === "alertCodesInclude" && path === "") {
        const codes = Array.isArray(actual.alerts) ? (actual.alerts as unknown[]).map((a) => (isObject(a) ? a.code : undefined)) : [];
        for (const code of value as unknown[]) {
          if (!codes.includes(code)) out.push({ path: childPath, expected: code, actual: codes, problem: "alert code missing" });
        }
        continue;
      }
      if (!(key in actual)) {
        out.push({ path: childPath, expected: value, actual: undefined, problem: "missing key" });
        continue;
      }
      walk(value, actual[key], childPath, out);
    }
    return;
  }
  if (!Object.is(expected, actual) && !(expected === 0 && actual === 0)) {
    out.push({ path, expected, actual, problem: "different value" });
  }
}

/** Every way `actual` fails to contain `expected`; empty when the case passes. */
export function matchExpectation(expected: unknown, actual: unknown): Mismatch[] {
  const out: Mismatch[] = [];
  walk(expected, actual, "", out);
  return out;
}
