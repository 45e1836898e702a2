// Reads an e-invoice upload body: one XML document or a zip, at most the CSV import's limit.
import { AppError } from "@/lib/platform/errors";
import { readBytes, tooLarge } from "@/lib/platform/api/read-json-body";
import { MAX_CSV_BYTES } from "@/lib/platform/api/read-csv-body";

export const E_INVOICE_MEDIA_TYPES = ["application/xml", "text/xml", "application/zip", "application/x-zip-compressed"] as const;

export async function readUploadBody(request: Request, options: { maxBytes?: number } = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? MAX_CSV_BYTES;
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!(E_INVOICE_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send one UBL document as application/xml or a zip of them as application/zip");
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  return readBytes(request, maxBytes);
}
