// Reads a bank statement in any supported format, recognised from its content.
import { csvAbnAmroParser } from "@/lib/features/bank/formats/csv-abnamro";
import { csvBunqParser } from "@/lib/features/bank/formats/csv-bunq";
import { csvIngParser } from "@/lib/features/bank/formats/csv-ing";
import { csvKnabParser } from "@/lib/features/bank/formats/csv-knab";
import { csvRabobankParser } from "@/lib/features/bank/formats/csv-rabobank";
import { csvTriodosParser } from "@/lib/features/bank/formats/csv-triodos";
import { mt940AbnAmroParser } from "@/lib/features/bank/formats/mt940-abnamro";
import { mt940IngParser } from "@/lib/features/bank/formats/mt940-ing";
import { mt940RabobankParser } from "@/lib/features/bank/formats/mt940-rabobank";
import {
  BankStatementError,
  type BankFormatParser,
  type BankStatement,
  type StatementHead,
  type StatementPiece,
} from "@/lib/features/bank/statement.types";
import { camt053Parser } from "@/lib/features/bank/formats/camt053";

/** Every supported format; the first whose `detect` says yes reads the file. */
export const BANK_FORMAT_PARSERS: BankFormatParser[] = [
  mt940IngParser,
  mt940RabobankParser,
  mt940AbnAmroParser,
  csvIngParser,
  csvRabobankParser,
  csvAbnAmroParser,
  csvBunqParser,
  csvKnabParser,
  csvTriodosParser,
  camt053Parser,
];

// Windows-1252's 0x80–0x9F (Node's TextDecoder reads "windows-1252" as Latin-1 there).
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** UTF-8 (with or without BOM), else Windows-1252, as Dutch banks' CSV exports are. */
export function decodeStatementBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const latin1 = new TextDecoder("latin1").decode(bytes);
    return latin1.replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80]!);
  }
}

function parserOf(text: string): BankFormatParser {
  const parser = BANK_FORMAT_PARSERS.find((candidate) => candidate.detect(text));
  if (!parser) throw new BankStatementError("bank.errors.unknownFormat");
  return parser;
}

export function parseBankStatement(input: string | Uint8Array): BankStatement {
  const text = typeof input === "string" ? input : decodeStatementBytes(input);
  return parserOf(text).parse(text);
}

/**
 * The statement in pieces (StatementPiece): a part at a time where the format is read so
 * (CAMT.053), else read whole and then handed out; the same lines as parseBankStatement.
 */
export function* readBankStatementInPieces(input: Uint8Array): Generator<StatementPiece, StatementHead> {
  const text = decodeStatementBytes(input);
  const parser = parserOf(text);
  if (parser.read) return yield* parser.read(text);
  const { lines, ...head } = parser.parse(text);
  const accounts = new Set<string>();
  for (const line of lines) if (line.accountIban !== undefined) accounts.add(line.accountIban);
  yield { kind: "start", format: head.format, accountIban: head.accountIban, accounts: [...accounts] };
  if (lines.length > 0) yield { kind: "lines", lines };
  return head;
}
