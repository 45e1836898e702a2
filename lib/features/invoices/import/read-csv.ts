// Reads a CSV export (comma, semicolon or tab separated, with or without BOM) into a
// header row and data rows, and guesses which column is which from common Dutch and
// English headers (Moneybird, e-Boekhouden, Exact and our own export).
import Papa from "papaparse";
import { AppError } from "@/lib/platform/errors";
import { hasInvalidText } from "@/lib/platform/validation";
import type { ImportField, ImportMapping } from "@/lib/features/invoices/import/import.types";
import { isOwnExport, ownExportMapping } from "@/lib/features/invoices/import/own-format";

/** `lines`: each row's line number when it is not its place in a file (e-invoices number their documents). */
export type CsvTable = { headers: string[]; rows: string[][]; lines?: number[] };

export const MAX_IMPORT_ROWS = 200_000;

// Parsed in slices of this many characters, giving the event loop a turn between slices:
// a 200,000-row file must not stall every other request of the web server
// (bench/import.ts measures /api/health during an import).
const SLICE_CHARS = 32 * 1024;

/** Lets the event loop answer other requests before the next slice of work. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function readCsv(text: string): Promise<CsvTable> {
  const clean = text.replace(/^\uFEFF/, "");
  if (!clean.trim()) throw new AppError("VALIDATION_FAILED", "Empty CSV", { fields: { file: "validation.csvEmpty" } });
  const data: string[][] = [];
  const errors: Papa.ParseError[] = [];
  let tooMany = false;
  await new Promise<void>((resolve) => {
    Papa.parse<string[]>(clean, {
      skipEmptyLines: "greedy",
      delimitersToGuess: [";", ",", "\t", "|"],
      chunkSize: SLICE_CHARS,
      chunk: (result: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        for (const row of result.data) data.push(row);
        errors.push(...result.errors);
        if (data.length > MAX_IMPORT_ROWS + 1) {
          tooMany = true;
          parser.abort();
          return;
        }
        parser.pause();
        setImmediate(() => parser.resume());
      },
      complete: () => resolve(),
    });
  });
  if (tooMany) throw new AppError("VALIDATION_FAILED", "Too many rows", { fields: { file: "validation.csvTooLarge" } });
  const parsed = { data, errors };
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
    throw new AppError("VALIDATION_FAILED", "The header row holds characters that are not allowed", {
      fields: { file: "validation.csvHeaderInvalidCharacters" },
    });
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
  netAmount: ["net", "netamount", "bedragexclbtw", "totaalexclbtw", "exclbtw", "subtotaal", "bedragexcl", "amountexclvat", "netto"],
  vatAmount: ["vat", "vatamount", "btw", "btwbedrag", "totaalbtw"],
  grossAmount: ["gross", "grossamount", "bedraginclbtw", "totaalinclbtw", "inclbtw", "totaal", "total", "amountinclvat", "bruto"],
  currency: ["currency", "valuta", "munteenheid"],
  country: ["country", "lidstaat", "memberstate", "leveringsland"],
  kind: ["kind", "soort", "type", "documenttype"],
  // A column named cents holds cents: never read as euros.
  netCents: ["netcents", "nettocenten", "netamountcents"],
  vatCents: ["vatcents", "btwcenten", "vatamountcents"],
  foreignAmount: ["foreignamount", "bedragvaluta", "vreemdevaluta", "originalamount"],
  exchangeRate: ["exchangerate", "wisselkoers", "koers"],
  sequence: ["sequence", "volgorde", "volgnummer"],
  ancillary: ["ancillary", "bijkomstig"],
  creditsInvoiceNumber: ["creditsinvoicenumber", "creditsinvoice", "gecrediteerdefactuur", "origineelfactuurnummer"],
  deletedAt: ["deletedat", "verwijderdop"],
  vatCategoryCode: ["vatcategorycode", "btwcategorie", "btwcategoriecode", "taxcategorycode"],
  vatExemptionReason: ["vatexemptionreason", "vrijstellingsreden", "redenvrijstelling", "exemptionreason"],
  deliveryCountry: ["deliverycountry", "landvanlevering", "leverland", "shiptocountry"],
};

export function suggestMapping(headers: string[], remembered?: ImportMapping | null): ImportMapping {
  // Our own export is read exactly, whatever was remembered for another file.
  if (isOwnExport(headers)) return ownExportMapping(headers);
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
