// Command line of the rules engine (docs/domain/ENGINE-CONTRACT.md): `kor evaluate FILE.json` or
// `kor evaluate -` (standard input) prints the EngineOutput as JSON and exits 0; invalid
// input prints one `path: message` line per problem on standard error and exits 2.
// `kor check VECTOR.json…` runs test vectors and reports pass/fail. The evaluation is
// the same `evaluate` the web app calls.

import { readFileSync } from "node:fs";
import { evaluate, formatIssues, matchExpectation, parseEngineInputJson } from "../lib/kor";

const USAGE = `usage:
  kor evaluate FILE.json [--explain]   evaluate an EngineInput (or a vector's "input"); FILE "-" reads standard input
  kor check VECTOR.json...             run test vectors against the engine`;

const EXIT_INVALID = 2;

function readSource(file: string): string {
  return file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(EXIT_INVALID);
}

function runEvaluate(args: string[]): void {
  const explain = args.includes("--explain");
  const files = args.filter((a) => a !== "--explain");
  if (files.length !== 1) fail(USAGE);
  const file = files[0]!;
  let text: string;
  try {
    text = readSource(file);
  } catch (error) {
    fail(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseEngineInputJson(text);
  if (!parsed.ok) fail(formatIssues(parsed.issues));
  const output = evaluate(parsed.input, { explain });
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

function runCheck(files: string[]): void {
  if (files.length === 0) fail(USAGE);
  let failed = 0;
  for (const file of files) {
    const vector = JSON.parse(readSource(file)) as { id?: string; expect?: unknown };
    const parsed = parseEngineInputJson(JSON.stringify(vector));
    if (!parsed.ok) {
      failed++;
      process.stdout.write(`FAIL ${vector.id ?? file}\n${formatIssues(parsed.issues)}\n`);
      continue;
    }
    const mismatches = matchExpectation(vector.expect ?? {}, evaluate(parsed.input));
    if (mismatches.length === 0) {
      process.stdout.write(`pass ${vector.id ?? file}\n`);
    } else {
      failed++;
      process.stdout.write(`FAIL ${vector.id ?? file}\n`);
      for (const m of mismatches) {
        process.stdout.write(`  ${m.path}: ${m.problem}; expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}\n`);
      }
    }
  }
  process.exit(failed === 0 ? 0 : 1);
}

const [command, ...rest] = process.argv.slice(2);
if (command === "evaluate") runEvaluate(rest);
else if (command === "check") runCheck(rest);
else fail(USAGE);
