// Sends a CSV file to the import endpoint and follows its progress: the upload through
// XMLHttpRequest's upload events, the server's work through the NDJSON lines it streams
// back ({"type":"progress"…}, then one "result" or "error" line). fetch cannot report
// upload progress, hence XMLHttpRequest.
import type { ImportProgress, ImportResult } from "@/lib/invoices/import/import-invoices";

export type ClientImportProgress = ImportProgress | { phase: "uploading"; done: number; total: number };
/** `fieldKeys`: the i18n keys of `fields` (whose texts are the API's English). */
export type ImportError = { code: string; message: string; fields?: Record<string, string>; fieldKeys?: Record<string, string> };
export type StreamImportOutcome<T = ImportResult> = { ok: true; data: T } | { ok: false; error: ImportError };

type Line<T = ImportResult> = ({ type: "progress" } & ImportProgress) | { type: "result"; data: T } | { type: "error"; error: ImportError };

/** Splits the NDJSON received so far into complete lines, from `offset` on. */
export function takeLines<T = ImportResult>(text: string, offset: number): { lines: Line<T>[]; offset: number } {
  const lines: Line<T>[] = [];
  let start = offset;
  for (let end = text.indexOf("\n", start); end >= 0; end = text.indexOf("\n", start)) {
    const raw = text.slice(start, end).trim();
    if (raw) lines.push(JSON.parse(raw) as Line<T>);
    start = end + 1;
  }
  return { lines, offset: start };
}

/** `body`: the CSV text, or an e-invoice upload (XML or zip) with its `contentType`. */
export function streamImport<T = ImportResult>(options: {
  url: string;
  body: string | Blob;
  contentType?: string;
  onProgress: (progress: ClientImportProgress) => void;
}): Promise<StreamImportOutcome<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let offset = 0;
    let outcome: StreamImportOutcome<T> | null = null;
    const lost: StreamImportOutcome<T> = { ok: false, error: { code: "CONNECTION_LOST", message: "" } };
    const consume = () => {
      if (xhr.status !== 200) return;
      const taken = takeLines<T>(xhr.responseText, offset);
      offset = taken.offset;
      for (const line of taken.lines) {
        if (line.type === "progress") {
          const { type: _type, ...progress } = line;
          options.onProgress(progress);
        } else if (line.type === "result") outcome = { ok: true, data: line.data };
        else outcome = { ok: false, error: line.error };
      }
    };
    xhr.open("POST", options.url);
    xhr.setRequestHeader("content-type", options.contentType ?? "text/csv; charset=utf-8");
    xhr.setRequestHeader("accept", "application/x-ndjson");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress({ phase: "uploading", done: event.loaded, total: event.total });
    };
    xhr.onprogress = consume;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        // Refused before the stream began (404, 403, 413 …): the API's JSON error.
        try {
          resolve({ ok: false, error: (JSON.parse(xhr.responseText) as { error: ImportError }).error });
        } catch {
          resolve(lost);
        }
        return;
      }
      consume();
      resolve(outcome ?? lost);
    };
    xhr.onerror = () => resolve(lost);
    xhr.onabort = () => resolve(lost);
    xhr.send(options.body);
  });
}
