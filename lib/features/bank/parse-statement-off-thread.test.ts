// The worker-thread parse answers what a direct parse answers, and the main thread keeps
// running its timers while a large statement is read; the same measurement around a parse
// on the main thread shows the stall it prevents (so the measurement itself can fail).
import { describe, expect, it } from "vitest";
import { parseBankStatement } from "@/lib/features/bank/formats";
import { fixtureBytes } from "@/lib/features/bank/formats/test-helpers";
import { MAX_PARALLEL_PARSES, parsesRunning, parseStatementOffThread } from "@/lib/features/bank/parse-statement-off-thread";
import { BankStatementError } from "@/lib/features/bank/statement.types";

const HEADER =
  '"IBAN/BBAN","Munt","BIC","Volgnr","Datum","Rentedatum","Bedrag","Saldo na trn","Tegenrekening IBAN/BBAN","Naam tegenpartij","Naam uiteindelijke partij","Naam initiërende partij","BIC tegenpartij","Code","Batch ID","Transactiereferentie","Machtigingskenmerk","Incassant ID","Betalingskenmerk","Omschrijving-1","Omschrijving-2","Omschrijving-3","Reden retour","Oorspr bedrag","Oorspr munt","Koers"';

/** A Rabobank export of `count` bookings, about 220 bytes each. */
function largeRabobankCsv(count: number): Uint8Array {
  const rows = [HEADER];
  for (let index = 1; index <= count; index += 1) {
    const cents = String(index % 100).padStart(2, "0");
    rows.push(
      `"NL44RABO0123456789","EUR","RABONL2U","${String(index).padStart(18, "0")}","2026-${String(1 + (index % 12)).padStart(2, "0")}-1${index % 10}","2026-01-01","+${index % 5000},${cents}","+1,00","NL91ABNA0417164300","Klant ${index % 700}","","","ABNANL2A","tb","","E2E-${index}","","","","Factuur 2026-${index}","","","","","",""`,
    );
  }
  return new TextEncoder().encode(rows.join("\n"));
}

/** How long the longest pause between 5 ms timer ticks was while `work` ran, and how many ticks ran. */
async function timerPauses(work: () => Promise<unknown>) {
  let last = performance.now();
  let longest = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    ticks += 1;
  }, 5);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  await work();
  const duration = performance.now() - started;
  clearInterval(timer);
  longest = Math.max(longest, performance.now() - last);
  return { duration, longest, ticks };
}

describe("parseStatementOffThread", () => {
  it("answers exactly what a direct parse answers", async () => {
    const bytes = fixtureBytes("mt940-ing", "year-end-two-days.sta");
    expect(await parseStatementOffThread(bytes)).toEqual(parseBankStatement(bytes));
  }, 30_000);

  it("refuses an unreadable file with the same translatable reason and line", async () => {
    await expect(parseStatementOffThread(new TextEncoder().encode("hello,world\n1,2\n"))).rejects.toThrow("bank.errors.unknownFormat");
    const broken = new TextDecoder().decode(fixtureBytes("csv-ing", "semicolon-year-end.csv")).replace('"1.210,00"', '"1.21O,00"');
    const refusal = await parseStatementOffThread(new TextEncoder().encode(broken)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BankStatementError);
    expect(refusal).toMatchObject({ key: "bank.errors.invalidAmount", detail: { line: 6 } });
  }, 30_000);

  it("reads more files at once than it runs workers, each to its own statement", async () => {
    const files = [
      "csv-knab/knab-export.csv",
      "csv-triodos/triodos-export.csv",
      "mt940-rabobank/two-statements.swi",
      "csv-bunq/comma-decimal-point.csv",
    ];
    const inputs = Array.from({ length: MAX_PARALLEL_PARSES + 2 }, (_, index) => {
      const [format, name] = files[index % files.length]!.split("/") as [Parameters<typeof fixtureBytes>[0], string];
      return fixtureBytes(format, name);
    });
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, parsesRunning())), 1);
    const statements = await Promise.all(inputs.map((bytes) => parseStatementOffThread(bytes)));
    clearInterval(watch);
    expect(statements).toEqual(inputs.map((bytes) => parseBankStatement(bytes)));
    expect(most).toBe(MAX_PARALLEL_PARSES);
    expect(parsesRunning()).toBe(0);
  }, 60_000);

  it("ends a parse that takes longer than its time limit", async () => {
    await expect(parseStatementOffThread(largeRabobankCsv(20_000), { timeoutMs: 50 })).rejects.toThrow("bank.errors.parseFailed");
  }, 30_000);

  it("keeps the main thread's timers running while a large statement is read", async () => {
    const bytes = largeRabobankCsv(20_000);
    const onMain = await timerPauses(async () => parseBankStatement(bytes));
    let lines = 0;
    const offThread = await timerPauses(async () => {
      lines = (await parseStatementOffThread(bytes)).lines.length;
    });
    expect(lines).toBe(20_000);
    // On the main thread the parse is one long pause; off it, the timers keep ticking.
    expect(onMain.longest).toBeGreaterThan(onMain.duration * 0.9);
    expect(offThread.ticks).toBeGreaterThan(20);
    expect(offThread.longest).toBeLessThan(offThread.duration / 3);
    console.info(
      `20,000 lines: on the main thread ${Math.round(onMain.duration)} ms with a ${Math.round(onMain.longest)} ms pause; ` +
        `in a worker ${Math.round(offThread.duration)} ms, longest pause ${Math.round(offThread.longest)} ms, ${offThread.ticks} ticks`,
    );
  }, 120_000);
});
