// Reads a CSV export (comma, semicolon or tab separated, with or without BOM) into a
// header row and data rows, and guesses which column is which from common Dutch and
// English headers (Moneybird, e-Boekhouden, Exact and our own export).
import Papa from "papaparse";
import { AppError } from "@/lib/errors";
import { hasInvalidText } from "@/lib/validation";
import type { ImportField, ImportMapping } from "@/lib/invoices/import/import.types";

export type CsvTable = { headers: string[]; rows: string[][] };

export const MAX_IMPORT_ROWS = 200_000;

export function readCsv(text: string): CsvTable {
  const clean = text.replace(/^\uFEFF/, "");
  if (!clean.trim()) throw new AppError("VALIDATION_FAILED", "Empty CSV", { fields: { file: "validation.csvEmpty" } });
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: "greedy", delimitersToGuess: [";", ",", "\t", "|"] });
  const fatal = parsed.errors.find((error) => error.type === "Quotes" || error.type === "Delimiter");
  if (fatal && parsed.data.length <= 1) {
    throw new AppError("VALIDATION_FAILED", "Unreadable CSV", { fields: { file: "validation.csvUnreadable" } });
  }
  const [header, ...rows] = parsed.data;
  if (!header || header.every((cell) => !cell.trim())) {
    throw new AppError("VALIDATION_FAILED", "Empty CSV", { fields: { file: "validation.csvEmpty" } });
  }
  // The headers end up in the remembered mapping (jsonb): no NUL or control characters.
  if (header.some((cell) => hasInvalidText(cell))) {
    throw new AppError("VALIDATION_FAILED", "The header row holds characters that are not allowed", { fields: { file: "validation.csvHeaderInvalidCharacters" } });
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError("VALIDATION_FAILED", "Too many rows", { fields: { file: "validation.csvTooLarge" } });
  }
  return { headers: header.map((cell) => cell.trim()), rows };
}

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9%]/g, "");

const SYNONYMS: Record<ImportField, string[]> = {
  number: ["number", "factuurnummer", "factuurnr", "invoicenumber", "invoiceno", "nummer", "referentie", "documentnummer"],
  date: ["date", "factuurdatum", "datum", "invoicedate", "boekdatum", "documentdatum"],
  customerName: ["customer", "customername", "klant", "klantnaam", "contact", "relatie", "bedrijfsnaam", "debiteur", "naam", "company"],
  customerCountry: ["customercountry", "klantland", "landklant", "land", "countrycode"],
  customerType: ["customertype", "soortklant", "klanttype"],
  customerVatId: ["customervatid", "btwnummer", "btwid", "btwidentificatienummer", "vatid", "vatnumber", "btwnummerklant"],
  description: ["description", "omschrijving", "beschrijving", "toelichting", "memo"],
  category: ["category", "categorie", "korcategorie"],
  vatRate: ["vatrate", "btwtarief", "tarief", "btw%", "btwpercentage"],
  netAmount: ["netcents", "net", "netamount", "bedragexclbtw", "totaalexclbtw", "exclbtw", "subtotaal", "bedragexcl", "amountexclvat", "netto"],
  vatAmount: ["vat", "vatamount", "btw", "btwbedrag", "totaalbtw", "vatcents"],
  grossAmount: ["gross", "grossamount", "bedraginclbtw", "totaalinclbtw", "inclbtw", "totaal", "total", "amountinclvat", "bruto"],
  currency: ["currency", "valuta", "munteenheid"],
  country: ["country", "lidstaat", "memberstate", "leveringsland"],
  kind: ["kind", "soort", "type", "documenttype"],
};

export function suggestMapping(headers: string[], remembered?: ImportMapping | null): ImportMapping {
  if (remembered && Object.values(remembered.columns).every((column) => headers.includes(column!))) return remembered;
  const columns: ImportMapping["columns"] = {};
  const used = new Set<string>();
  for (const field of Object.keys(SYNONYMS) as ImportField[]) {
    const header = headers.find((candidate) => !used.has(candidate) && SYNONYMS[field].includes(normalise(candidate)));
    if (header) {
      columns[field] = header;
      used.add(header);
    }
  }
  return { columns, defaultCategory: remembered?.defaultCategory ?? "NL_STANDARD" };
}
