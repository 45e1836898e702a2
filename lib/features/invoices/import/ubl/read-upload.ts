// An e-invoice upload: one XML document, or a zip of many. The zip is inflated as a
// stream with limits on what it may grow to (a small zip can inflate to gigabytes), and
// the event loop gets a turn between slices; entries that are not XML (a PDF copy, a
// folder) are left out and counted.
import { Unzip, UnzipInflate } from "fflate";
import { AppError } from "@/lib/platform/errors";
import { yieldToEventLoop } from "@/lib/features/invoices/import/read-csv";

export const MAX_DOCUMENTS = 1_000;
/** What all XML files of one zip may inflate to together, and one of them. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
const SLICE = 64 * 1024;

export type UploadedDocument = { name: string; text: string | null };
export type UploadContents = { documents: UploadedDocument[]; skippedFiles: number };

const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
const refuse = (key: string, message: string) => new AppError("VALIDATION_FAILED", message, { fields: { file: key } });

/** UTF-8 text, or null when it is not (a row error for that document, not the whole upload). */
function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export async function readUpload(bytes: Uint8Array, name = "upload.xml"): Promise<UploadContents> {
  if (bytes.length === 0) throw refuse("importEInvoices.errors.empty", "The file is empty");
  if (!isZip(bytes)) return { documents: [{ name, text: decode(bytes) }], skippedFiles: 0 };

  const documents: UploadedDocument[] = [];
  let skippedFiles = 0;
  let inflated = 0;
  let failure: AppError | null = null;
  const unzip = new Unzip((file) => {
    const base = file.name.split("/").pop() ?? "";
    if (file.name.endsWith("/") || file.name.startsWith("__MACOSX/") || base.startsWith(".")) return;
    if (!/\.xml$/i.test(base)) {
      skippedFiles++;
      return;
    }
    if (documents.length >= MAX_DOCUMENTS) {
      failure ??= refuse("importEInvoices.errors.tooManyDocuments", `More than ${MAX_DOCUMENTS} documents`);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const entry: UploadedDocument = { name: file.name, text: null };
    documents.push(entry);
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        failure = refuse("importEInvoices.errors.zipUnreadable", "The zip cannot be read");
        return;
      }
      size += data.length;
      inflated += data.length;
      if (size > MAX_DOCUMENT_BYTES || inflated > MAX_INFLATED_BYTES) {
        failure = refuse("importEInvoices.errors.zipTooLarge", "The zip inflates to more than allowed");
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) {
        const all = new Uint8Array(size);
        let offset = 0;
        for (const chunk of chunks) {
          all.set(chunk, offset);
          offset += chunk.length;
        }
        entry.text = decode(all);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !failure; offset += SLICE) {
      unzip.push(bytes.subarray(offset, offset + SLICE), offset + SLICE >= bytes.length);
      await yieldToEventLoop();
    }
  } catch {
    failure ??= refuse("importEInvoices.errors.zipUnreadable", "The zip cannot be read");
  }
  if (failure) throw failure;
  if (documents.length === 0) throw refuse("importEInvoices.errors.noDocuments", "The zip holds no XML documents");
  return { documents, skippedFiles };
}
