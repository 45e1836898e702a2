// Reads a CSV request body: text/csv (or text/plain), UTF-8, at most MAX_CSV_BYTES.
import { AppError } from "@/lib/platform/errors";
import { readBytes, tooLarge } from "@/lib/platform/api/read-json-body";

export const MAX_CSV_BYTES = 25 * 1024 * 1024;

export async function readCsvBody(request: Request, options: { maxBytes?: number } = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_CSV_BYTES;
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "text/csv" && mediaType !== "text/plain") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file as text/csv");
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await readBytes(request, maxBytes));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("VALIDATION_FAILED", "The file is not UTF-8 text", { fields: { file: "validation.csvUnreadable" } });
  }
}
