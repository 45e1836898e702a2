// Reads an uploaded file sent as the raw request body (a bank statement: XML, MT940 or
// CSV), at most the CSV import's limit; the bytes are decoded by the reader of the format.
import { AppError } from "@/lib/platform/errors";
import { readBytes, tooLarge } from "@/lib/platform/api/read-json-body";
import { MAX_CSV_BYTES } from "@/lib/platform/api/read-csv-body";

const FILE_TYPES = new Set([
  "application/xml",
  "text/xml",
  "text/plain",
  "text/csv",
  "application/octet-stream",
  "application/x-mt940",
  "text/x-mt940",
]);

export async function readFileBody(request: Request, options: { maxBytes?: number } = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? MAX_CSV_BYTES;
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FILE_TYPES.has(mediaType))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file as application/xml, text/plain, text/csv or application/octet-stream");
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readBytes(request, maxBytes);
  if (bytes.byteLength === 0) throw new AppError("VALIDATION_FAILED", "The file is empty", { fields: { file: "bank.errors.emptyFile" } });
  return bytes;
}
