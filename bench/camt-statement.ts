// A large CAMT.053 statement for the import benchmark: `lines` booked entries on one
// account, four in five money in (from a few hundred customers), one in five money out,
// every tenth without a bank reference (identified by the hash rule). Compact XML, as
// banks write it, so 50,000 lines stay below the 25 MB upload limit.
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A valid Dutch IBAN for bank code `bank` and a 10-digit account number. */
function iban(bank: string, account: string): string {
  const digits = `${bank}${account}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return `NL${pad(98 - rest, 2)}${bank}${account}`;
}

export function makeCamt053(lines: number, year = 2026): string {
  const customers = Array.from({ length: 400 }, (_, i) => ({ name: `Klant ${i} B.V.`, iban: iban("INGB", pad(1_000_000 + i, 10)) }));
  const entries: string[] = [];
  for (let i = 0; i < lines; i++) {
    const day = new Date(Date.UTC(year, 0, 1 + (i % 360))).toISOString().slice(0, 10);
    const credit = i % 5 !== 0;
    const who = customers[i % customers.length]!;
    const cents = 1_000 + ((i * 7919) % 250_000);
    const amount = `${Math.floor(cents / 100)}.${pad(cents % 100, 2)}`;
    const ref = i % 10 === 9 ? "" : `<AcctSvcrRef>B${pad(i, 9)}</AcctSvcrRef>`;
    const party = credit
      ? `<Dbtr><Nm>${who.name}</Nm></Dbtr><DbtrAcct><Id><IBAN>${who.iban}</IBAN></Id></DbtrAcct>`
      : `<Cdtr><Nm>${who.name}</Nm></Cdtr><CdtrAcct><Id><IBAN>${who.iban}</IBAN></Id></CdtrAcct>`;
    entries.push(
      `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${credit ? "CRDT" : "DBIT"}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${day}</Dt></BookgDt>${ref}<NtryDtls><TxDtls><RltdPties>${party}</RltdPties><RmtInf><Ustrd>Order ${i} ${day}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>${year}-12-31T06:00:00Z</CreDtTm></GrpHdr><Stmt><Id>BENCH-${year}</Id><CreDtTm>${year}-12-31T06:00:00Z</CreDtTm><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>${entries.join("")}</Stmt></BkToCstmrStmt></Document>`;
}
