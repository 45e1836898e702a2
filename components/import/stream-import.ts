// Sends a file to an import endpoint (CSV, e-invoices, bank statements) and follows its
// progress: the upload through XMLHttpRequest's upload events, the server's work through
// the NDJSON lines it may stream back ({"type":"progress"…}, then one "result" or "error"
// line). fetch cannot report upload progress, hence XMLHttpRequest. The pages use it
// through useUpload (use-upload.ts).
import type { ImportProgress, ImportResult } from "@/lib/features/invoices/import/import-invoices";

export type ClientImportProgress = ImportProgress | { phase: "uploading"; done: number; total: number };
/** `fieldKeys`: the i18n keys of `fields` (whose texts are the API's English). */
export type ImportError = { code: string; message: string; fields?: Record<string, string>; fieldKeys?: Record<string, string> };

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

export type UploadRequest = {
  url: string;
  /** The CSV text, or the file itself (an e-invoice, a zip, a bank statement). */
  body: string | Blob;
  contentType: string;
  /** Ask for the NDJSON progress stream (the invoice imports); else one JSON answer. */
  stream?: boolean;
};
export type TransportOutcome<T> = { ok: true; data: T } | { ok: false; error: ImportError };

/**
 * Sends a file and reads the answer: the API's JSON (`{ data }` or `{ error }`), or its
 * NDJSON stream of progress then one result or error. Aborted through `signal` (code
 * ABORTED); a dropped connection or an answer that is not the API's is CONNECTION_LOST.
 */
export function sendFile<T>(
  request: UploadRequest,
  hooks: { signal: AbortSignal; onProgress: (progress: ClientImportProgress) => void },
): Promise<TransportOutcome<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let offset = 0;
    let outcome: TransportOutcome<T> | null = null;
    const lost: TransportOutcome<T> = { ok: false, error: { code: "CONNECTION_LOST", message: "" } };
    const streaming = () => xhr.status === 200 && (xhr.getResponseHeader("content-type") ?? "").includes("ndjson");
    const consume = () => {
      if (!streaming()) return;
      const taken = takeLines<T>(xhr.responseText, offset);
      offset = taken.offset;
      for (const line of taken.lines) {
        if (line.type === "progress") {
          const { type: _type, ...progress } = line;
          hooks.onProgress(progress);
        } else if (line.type === "result") outcome = { ok: true, data: line.data };
        else outcome = { ok: false, error: line.error };
      }
    };
    xhr.open("POST", request.url);
    xhr.setRequestHeader("content-type", request.contentType);
    xhr.setRequestHeader("accept", request.stream ? "application/x-ndjson" : "application/json");
    let sent = 1;
    xhr.upload.onprogress = (event) => {
      if (!event.lengthComputable) return;
      sent = Math.max(1, event.total);
      hooks.onProgress({ phase: "uploading", done: event.loaded, total: event.total });
    };
    // Every byte sent (a small file may report no progress before): the server is at work.
    xhr.upload.onload = () => hooks.onProgress({ phase: "uploading", done: sent, total: sent });
    xhr.onprogress = consume;
    xhr.onload = () => {
      if (streaming()) {
        consume();
        resolve(outcome ?? lost);
        return;
      }
      // One JSON answer, or a refusal before the stream began (404, 403, 413 …).
      try {
        const body = JSON.parse(xhr.responseText) as { data?: T; error?: ImportError };
        if (xhr.status < 300 && body.data !== undefined) resolve({ ok: true, data: body.data });
        else resolve(body.error ? { ok: false, error: body.error } : lost);
      } catch {
        resolve(lost);
      }
    };
    xhr.onerror = () => resolve(lost);
    xhr.onabort = () => resolve({ ok: false, error: { code: "ABORTED", message: "" } });
    if (hooks.signal.aborted) {
      resolve({ ok: false, error: { code: "ABORTED", message: "" } });
      return;
    }
    hooks.signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(request.body);
  });
}
