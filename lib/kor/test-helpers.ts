// Test support for the engine's unit tests: loading the golden vectors and our own cases,
// and small builders for inputs. Not part of the public API (not exported from index).

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { EngineInput, Transaction } from "./types";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const VECTOR_DIR = path.join(REPO_ROOT, "test/fixtures/kor-vectors");
export const OWN_CASE_DIR = path.join(VECTOR_DIR, "own-cases");

export type Vector = { id: string; description: string; source: string; input: EngineInput; expect: Record<string, unknown> };

export type VectorFile = { file: string; vector: Vector };

export function loadVectors(dir: string): VectorFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return { file, vector: JSON.parse(readFileSync(file, "utf8")) as Vector };
    });
}

export function nlBusiness(extra: Partial<EngineInput["business"]> = {}): EngineInput["business"] {
  return { establishedIn: "NL", filingPeriod: "quarter", ...extra };
}

export function tx(id: string, date: string, netCents: number, extra: Partial<Transaction> = {}): Transaction {
  return { id, date, netCents, category: "NL_STANDARD", ...extra };
}

export function input(asOf: string, transactions: Transaction[], business = nlBusiness(), extra: Partial<EngineInput> = {}): EngineInput {
  return { asOf, business, transactions, ...extra };
}
