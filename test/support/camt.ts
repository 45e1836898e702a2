// Builds a camt.053.001.02 statement of incoming payments for tests: one account, one
// currency, each entry with its bank reference, counterparty and description.
export type CamtEntry = { ref: string; cents: number; date: string; name: string; iban: string; text: string };

const amount = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

export function camtStatement(options: { id: string; account: string; currency?: string; entries: CamtEntry[] }): string {
  const currency = options.currency ?? "EUR";
  const entries = options.entries.map(
    (
      e,
    ) => `<Ntry><Amt Ccy="${currency}">${amount(e.cents)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${e.date}</Dt></BookgDt>
      <AcctSvcrRef>${e.ref}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${e.name}</Nm></Dbtr><DbtrAcct><Id><IBAN>${e.iban}</IBAN></Id></DbtrAcct></RltdPties>
      <RmtInf><Ustrd>${e.text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
  );
  const created = options.entries[0]?.date ?? "2026-01-01";
  return `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
    <GrpHdr><MsgId>${options.id}</MsgId><CreDtTm>${created}T06:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt><Id>${options.id}</Id><CreDtTm>${created}T06:00:00+01:00</CreDtTm><Acct><Id><IBAN>${options.account}</IBAN></Id><Ccy>${currency}</Ccy></Acct>${entries.join("")}</Stmt>
  </BkToCstmrStmt></Document>`;
}
