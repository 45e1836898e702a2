// Sends a bank statement to the import endpoint with XMLHttpRequest (fetch cannot report
// upload progress): the file's bytes as the body, progress while they travel.
import type { BankImportResult } from "@/lib/bank/import-bank-statement";

/** `fieldKeys`: the i18n keys of `fields` (whose texts are the API's English). */
export type BankApiError = { code: string; message: string; fields?: Record<string, string>; fieldKeys?: Record<string, string> };
export type UploadOutcome = { ok: true; data: BankImportResult } | { ok: false; error: BankApiError };

const lost: UploadOutcome = { ok: false, error: { code: "CONNECTION_LOST", message: "" } };

export function uploadStatement(options: {
  url: string;
  file: Blob;
  onProgress: (percent: number) => void;
  onUploaded: () => void;
}): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", options.url);
    // The format is recognised from the content; octet-stream says no more than that.
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(Math.round((event.loaded / Math.max(1, event.total)) * 100));
    };
    xhr.upload.onload = () => options.onUploaded();
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as { data?: BankImportResult; error?: BankApiError };
        if (xhr.status < 300 && body.data) resolve({ ok: true, data: body.data });
        else resolve(body.error ? { ok: false, error: body.error } : lost);
      } catch {
        resolve(lost);
      }
    };
    xhr.onerror = () => resolve(lost);
    xhr.onabort = () => resolve(lost);
    xhr.send(options.file);
  });
}
