// CAMT.053 (ISO 20022 BankToCustomerStatement, camt.053.001.02 and later): the XML is read
// with fast-xml-parser with namespace prefixes dropped, so every version's namespace reads
// alike; the differences between versions (Sts as text or as Cd, a party's name directly
// under Dbtr or under Dbtr/Pty) are taken here. Only booked entries count. An entry with
// several TxDtls (a batch) becomes one line per transaction when each carries its own
// amount, else one line for the entry.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { electronicFormatIBAN, isValidIBAN } from "ibantools";
import {
  BankStatementError,
  collectPieces,
  type BankFormatParser,
  type BankLine,
  type StatementHead,
  type StatementPiece,
} from "@/lib/features/bank/statement.types";
import { createLineIdentities } from "@/lib/features/bank/line-identity";

type Node = Record<string, unknown>;

const ARRAYS = new Set(["Stmt", "Bal", "Ntry", "NtryDtls", "TxDtls", "Ustrd", "Strd", "AddtlNtryInf", "AddtlTxInf"]);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  // The callbacks get the parser's path matcher, not a path string built for every tag
  // (isArray ignores the path; building the strings took a sixth of the reading).
  jPath: false,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ARRAYS.has(name),
});

const node = (value: unknown): Node | undefined =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Node) : undefined;
const list = (value: unknown): Node[] =>
  Array.isArray(value) ? value.map(node).filter((n): n is Node => !!n) : node(value) ? [node(value)!] : [];

/** The text of a leaf: a plain string, or `#text` beside attributes. */
function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number") return String(value);
  const n = node(value);
  if (n && typeof n["#text"] === "string") return (n["#text"] as string).trim() || null;
  return null;
}

function at(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const key of path.split("/")) {
    const n = node(current) ?? (Array.isArray(current) ? node(current[0]) : undefined);
    if (!n) return undefined;
    current = n[key];
  }
  return current;
}

const textAt = (root: unknown, path: string) => text(at(root, path));

/** A decimal amount ("1234.5") in cents, exactly (no floating point). */
function cents(raw: string | null, where: string): number {
  const match = raw ? /^(\d+)(?:\.(\d{1,2})0*)?$/.exec(raw.trim()) : null;
  if (!match) throw new BankStatementError("bank.errors.invalidAmount", { value: raw ?? where });
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** An ISO 4217 code as written (upper-cased); "" when absent; anything else refuses the file. */
function currencyOf(raw: unknown): string {
  if (typeof raw !== "string" || raw.trim() === "") return "";
  const code = raw.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new BankStatementError("bank.errors.invalidCurrency", { value: raw.slice(0, 40) });
  return code;
}

/** An amount element (`<Amt Ccy="EUR">12.50</Amt>`) as cents and currency. */
function amountOf(value: unknown, where: string): { amountCents: number; currency: string } | null {
  const raw = text(value);
  if (raw === null) return null;
  return { amountCents: cents(raw, where), currency: currencyOf(node(value)?.["@_Ccy"]) };
}

/** `<Dt>` or `<DtTm>` as `yyyy-mm-dd`: the date as the bank wrote it (its own local day). */
function dateOf(value: unknown): string | null {
  const raw = textAt(value, "Dt") ?? textAt(value, "DtTm") ?? text(value);
  const match = raw ? /^(\d{4}-\d{2}-\d{2})/.exec(raw) : null;
  return match ? match[1]! : null;
}

function iban(account: unknown): string | null {
  const raw = textAt(account, "Id/IBAN");
  if (!raw) return null;
  const electronic = electronicFormatIBAN(raw);
  return electronic && isValidIBAN(electronic) ? electronic : null;
}

/** A party's name: directly under it (v02–v07) or under Pty (v08 and later). */
const partyName = (party: unknown): string | null => textAt(party, "Nm") ?? textAt(party, "Pty/Nm");

const ref = (value: string | null): string | null => (value && value.toUpperCase() !== "NOTPROVIDED" ? value : null);

function transactionCode(bkTxCd: unknown): string | null {
  const domain = textAt(bkTxCd, "Domn/Cd");
  if (domain) return [domain, textAt(bkTxCd, "Domn/Fmly/Cd"), textAt(bkTxCd, "Domn/Fmly/SubFmlyCd")].filter(Boolean).join("/");
  return textAt(bkTxCd, "Prtry/Cd");
}

function remittance(tx: Node | undefined, entry: Node): string {
  const parts: string[] = [];
  for (const line of list(at(tx, "RmtInf")).flatMap((r) => (Array.isArray(r.Ustrd) ? r.Ustrd : []))) {
    const value = text(line);
    if (value) parts.push(value);
  }
  for (const structured of list(at(tx, "RmtInf/Strd"))) {
    const value = textAt(structured, "CdtrRefInf/Ref") ?? textAt(structured, "RfrdDocInf/Nb");
    if (value) parts.push(value);
  }
  for (const extra of Array.isArray(tx?.AddtlTxInf) ? tx.AddtlTxInf : []) {
    const value = text(extra);
    if (value && !parts.includes(value)) parts.push(value);
  }
  if (parts.length === 0) {
    for (const extra of Array.isArray(entry.AddtlNtryInf) ? entry.AddtlNtryInf : []) {
      const value = text(extra);
      if (value) parts.push(value);
    }
  }
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

/** The other side: the debtor of money in, the creditor of money out (not our own account). */
function counterparty(tx: Node | undefined, credit: boolean, ownIban: string | null) {
  const parties = at(tx, "RltdPties");
  const sides = credit ? (["Dbtr", "Cdtr"] as const) : (["Cdtr", "Dbtr"] as const);
  for (const side of sides) {
    const account = iban(at(parties, `${side}Acct`));
    const name = partyName(at(parties, side)) ?? partyName(at(parties, side === "Dbtr" ? "UltmtDbtr" : "UltmtCdtr"));
    if (account && account === ownIban) continue;
    if (account || name) return { name, iban: account };
  }
  return { name: null, iban: null };
}

type StatementHeader = { accountIban: string | null; currency: string | null };

function entryLines(entry: Node, header: StatementHeader, ids: ReturnType<typeof createLineIdentities>): BankLine[] {
  const status = textAt(entry, "Sts") ?? textAt(entry, "Sts/Cd");
  if (status && status.toUpperCase() !== "BOOK") return [];
  const entryAmount = amountOf(entry.Amt, "Ntry/Amt");
  if (!entryAmount) throw new BankStatementError("bank.errors.invalidAmount", { value: "Ntry/Amt" });
  const entryCredit = textAt(entry, "CdtDbtInd") === "CRDT";
  const bookingDate = dateOf(entry.BookgDt) ?? dateOf(entry.ValDt);
  if (!bookingDate) throw new BankStatementError("bank.errors.invalidDate", { value: textAt(entry, "NtryRef") ?? "Ntry/BookgDt" });
  const valueDate = dateOf(entry.ValDt);
  const reversal = (textAt(entry, "RvslInd") ?? "").toLowerCase() === "true";
  const entryRef = ref(textAt(entry, "AcctSvcrRef")) ?? ref(textAt(entry, "NtryRef"));
  const details = list(entry.NtryDtls);
  const txs = details.flatMap((d) => list(d.TxDtls));
  const batchCount = Number(textAt(details[0], "Btch/NbOfTxs") ?? txs.length);
  const batchRef = textAt(details[0], "Btch/PmtInfId") ?? textAt(details[0], "Btch/MsgId") ?? entryRef;
  const txAmount = (tx: Node) => amountOf(tx.Amt, "TxDtls/Amt") ?? amountOf(at(tx, "AmtDtls/TxAmt/Amt"), "TxDtls/AmtDtls");
  const perTx = txs.length > 1 && txs.every((tx) => txAmount(tx) !== null);
  const batch = txs.length > 1 || batchCount > 1 ? { reference: batchRef ?? "", count: Math.max(batchCount, txs.length) } : null;

  const build = (tx: Node | undefined, index: number | null): BankLine => {
    const own = tx && index !== null ? txAmount(tx)! : entryAmount;
    const txIndicator = tx && index !== null ? textAt(tx, "CdtDbtInd") : null;
    const credit = txIndicator ? txIndicator === "CRDT" : entryCredit;
    const instructed = amountOf(at(tx, "AmtDtls/InstdAmt/Amt"), "InstdAmt");
    const currency = own.currency || entryAmount.currency || header.currency || "EUR";
    const party = counterparty(tx, credit, header.accountIban);
    const description =
      index === null && txs.length > 1
        ? txs
            .map((t) => remittance(t, entry))
            .filter(Boolean)
            .join(" ") || remittance(undefined, entry)
        : remittance(tx, entry);
    const amountCents = credit ? own.amountCents : -own.amountCents;
    const bankRef = index === null ? entryRef : (ref(textAt(tx, "Refs/AcctSvcrRef")) ?? (entryRef ? `${entryRef}/${index + 1}` : null));
    return {
      externalId:
        bankRef ?? ids.hash({ account: header.accountIban, bookingDate, amountCents, counterparty: party.iban ?? party.name, description }),
      bookingDate,
      valueDate,
      amountCents,
      currency,
      originalAmount: instructed?.currency && instructed.currency !== currency ? instructed : null,
      counterpartyName: party.name,
      counterpartyIban: party.iban,
      description,
      endToEndId: ref(textAt(tx, "Refs/EndToEndId")),
      transactionCode: transactionCode(at(tx, "BkTxCd")) ?? transactionCode(entry.BkTxCd),
      reversal,
      batch,
    };
  };
  if (perTx) return txs.map((tx, index) => build(tx, index));
  return [build(txs.length === 1 ? txs[0] : undefined, null)];
}

function balance(statement: Node, codes: string[]): number | null {
  for (const code of codes) {
    const found = list(statement.Bal).find((b) => (textAt(b, "Tp/CdOrPrtry/Cd") ?? textAt(b, "Tp/CdOrPrtry/Prtry")) === code);
    const amount = found ? amountOf(found.Amt, "Bal/Amt") : null;
    if (found && amount) return textAt(found, "CdtDbtInd") === "DBIT" ? -amount.amountCents : amount.amountCents;
  }
  return null;
}

// Entries are read a chunk at a time (a statement of 50,000 lines is one 20 MB document):
// the skeleton (the document without its entries) is validated and parsed once, then the
// entries in chunks, each validated on its own so a broken entry is named by its line. The
// import runs this in a worker thread (lib/features/bank/parse-statement-off-thread.ts), so it need
// not yield to an event loop.
const ENTRY = /<((?:[A-Za-z_][\w.-]*:)?)Ntry[\s>][\s\S]*?<\/\1Ntry\s*>/g;
const STATEMENT_START = /<(?:[A-Za-z_][\w.-]*:)?Stmt[\s>]/g;
const ENTRIES_PER_CHUNK = 100;

function validated(xml: string, lineOffset: number): void {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new BankStatementError("bank.errors.invalidXml", { line: valid.err.line + lineOffset, value: valid.err.msg });
}

/** fast-xml-parser throws plain errors for some damage its validator lets through. */
function parseXml(xml: string): Node {
  try {
    return parser.parse(xml) as Node;
  } catch (error) {
    throw new BankStatementError("bank.errors.invalidXml", { value: error instanceof Error ? error.message : String(error) });
  }
}

const linesBefore = (xml: string, offset: number) => {
  let count = 0;
  for (let i = xml.indexOf("\n"); i >= 0 && i < offset; i = xml.indexOf("\n", i + 1)) count++;
  return count;
};

/**
 * Reads the statement in pieces (readBankStatementInPieces): first the accounts its lines
 * may be booked on, known from the skeleton before an entry is read, then the lines a
 * chunk of entries at a time, so the import can store them while the rest is read.
 */
function* readCamt053(xml: string): Generator<StatementPiece, StatementHead> {
  // A statement has no document type; one with a DTD could define entities that expand.
  if (/<!DOCTYPE/i.test(xml)) throw new BankStatementError("bank.errors.invalidXml", { value: "DOCTYPE" });
  const entries: { text: string; offset: number }[] = [];
  const skeleton = xml.replace(ENTRY, (text: string, _prefix: string, offset: number) => {
    entries.push({ text, offset });
    return "";
  });
  validated(skeleton, 0);
  const statements = list(at(parseXml(skeleton), "Document/BkToCstmrStmt/Stmt"));
  if (statements.length === 0) throw new BankStatementError("bank.errors.noStatement");
  const starts = [...xml.matchAll(STATEMENT_START)].map((match) => match.index);
  const first = statements[0]!;
  const accountIban = iban(first.Acct);
  // A file may hold statements of several accounts: each line is booked on its statement's
  // account (named on the line when there are several); the line ids are per account.
  const headers = statements.map(
    (statement): StatementHeader => ({ accountIban: iban(statement.Acct), currency: currencyOf(textAt(statement, "Acct/Ccy")) || null }),
  );
  const accountLabels = statements.map((statement, index) => headers[index]!.accountIban ?? textAt(statement, "Acct/Id/Othr/Id") ?? "");
  const severalAccounts = new Set(accountLabels).size > 1;
  const idsByAccount = new Map<string, ReturnType<typeof createLineIdentities>>();
  const identitiesOf = (account: string) => {
    const known = idsByAccount.get(account);
    if (known) return known;
    const created = createLineIdentities();
    idsByAccount.set(account, created);
    return created;
  };
  // The statement an entry belongs to: the last one that starts before it (entries come in file order).
  const statementOf = (offset: number, from: number) => {
    let index = from;
    while (index + 1 < starts.length && starts[index + 1]! < offset) index++;
    return index;
  };
  const withEntries = new Set<string>();
  for (let i = 0, index = 0; i < entries.length; i++) {
    index = statementOf(entries[i]!.offset, index);
    withEntries.add(accountLabels[Math.min(index, statements.length - 1)]!);
  }
  yield { kind: "start", format: "camt053", accountIban, accounts: severalAccounts ? [...withEntries] : [] };
  let earliest: string | null = null;
  let latest: string | null = null;
  let firstCurrency: string | null = null;
  let index = 0;
  for (let i = 0; i < entries.length; i += ENTRIES_PER_CHUNK) {
    const chunk = entries.slice(i, i + ENTRIES_PER_CHUNK);
    const wrapped = `<Entries>${chunk.map((entry) => entry.text).join("")}</Entries>`;
    if (XMLValidator.validate(wrapped) !== true) {
      // Name the line in the file: the first entry of the chunk that is broken on its own.
      for (const entry of chunk) validated(entry.text, linesBefore(xml, entry.offset));
      validated(wrapped, linesBefore(xml, chunk[0]!.offset));
    }
    const parsed = list(at(parseXml(wrapped), "Entries/Ntry"));
    const lines: BankLine[] = [];
    for (const [j, entry] of parsed.entries()) {
      index = statementOf(chunk[j]!.offset, index);
      const statementIndex = Math.min(index, statements.length - 1);
      const account = accountLabels[statementIndex]!;
      const read = entryLines(entry, headers[statementIndex]!, identitiesOf(account));
      for (const line of read) {
        lines.push(severalAccounts ? { ...line, accountIban: account } : line);
        firstCurrency ??= line.currency;
        if (!earliest || line.bookingDate < earliest) earliest = line.bookingDate;
        if (!latest || line.bookingDate > latest) latest = line.bookingDate;
      }
    }
    if (lines.length > 0) yield { kind: "lines", lines };
  }
  let fromDate: string | null = null;
  let toDate: string | null = null;
  for (const statement of statements) {
    const from = dateOf(at(statement, "FrToDt/FrDtTm"));
    const to = dateOf(at(statement, "FrToDt/ToDtTm"));
    if (from && (!fromDate || from < fromDate)) fromDate = from;
    if (to && (!toDate || to > toDate)) toDate = to;
  }
  const last = statements[statements.length - 1]!;
  return {
    format: "camt053",
    accountIban,
    currency: currencyOf(textAt(first, "Acct/Ccy")) || firstCurrency,
    statementId: textAt(first, "Id"),
    fromDate: fromDate ?? earliest,
    toDate: toDate ?? latest,
    openingBalanceCents: severalAccounts ? null : balance(first, ["OPBD", "PRCD"]),
    closingBalanceCents: severalAccounts ? null : balance(last, ["CLBD"]),
  };
}

export const camt053Parser: BankFormatParser = {
  format: "camt053",
  detect: (text) =>
    /<(?:[A-Za-z_][\w.-]*:)?BkToCstmrStmt[\s>]/.test(text.slice(0, 8192)) ||
    /urn:iso:std:iso:20022:tech:xsd:camt\.053\./.test(text.slice(0, 8192)),
  parse: (text) => collectPieces(readCamt053(text)),
  read: readCamt053,
};
