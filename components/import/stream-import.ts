// Sends a CSV file to the import endpoint and follows its progress: the upload through
// XMLHttpRequest's upload events, the server's work through the NDJSON lines it streams
// back ({"type":"progress"…}, then one "result" or "error" line). fetch cannot report
// upload progress, hence XMLHttpRequest.
import type { ImportProgress, ImportResult } from "@/lib/invoices/import/import-invoices";

export type ClientImportProgress = ImportProgress | { phase: "uploading"; done: number; total: number };
/** `fieldKeys`: the i18n keys of `fields` (whose texts are the API's English). */
export type ImportError = { code: string; message: string; fields?: Record<string, string>; fieldKeys?: Record<string, string> };
export type StreamImportOutcome = { ok: true; data: ImportResult } | { ok: false; error: ImportError };

type Line = ({ type: "progress" } & ImportProgress) | { type: "result"; data: ImportResult } | { type: "error"; error: ImportError };

/** Splits the NDJSON received so far into complete lines, from `offset` on. */
export function takeLines(text: string, offset: number): { lines: Line[]; offset: number } {
  const lines: Line[] = [];
  let start = offset;
  for (let end = text.indexOf("\n", start); end >= 0; end = text.indexOf("\n", start)) {
    const raw = text.slice(start, end).trim();
    if (raw) lines.push(JSON.parse(raw) as Line);
    start = end + 1;
  }
  return { lines, offset: start };
}

export function streamImport(options: { url: string; csv: string; onProgress: (progress: ClientImportProgress) => void }): Promise<StreamImportOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let offset = 0;
    let outcome: StreamImportOutcome | null = null;
    const lost: StreamImportOutcome = { ok: false, error: { code: "CONNECTION_LOST", message: "" } };
    const consume = () => {
      if (xhr.status !== 200) return;
      const taken = takeLines(xhr.responseText, offset);
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
    xhr.setRequestHeader("content-type", "text/csv; charset=utf-8");
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
    xhr.send(options.csv);
  });
}
