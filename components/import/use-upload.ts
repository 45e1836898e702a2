// One way for the import pages (CSV, e-invoices, bank statements) to send a file: its
// progress, abort, the refusal in the user's language, and latest-only. The server runs
// one preview or import per business at a time (409 for a second), and an older answer
// arriving after a newer one must never replace it. So: at most one upload in flight;
// asked again meanwhile, only the newest wish is kept and sent when the running one ends,
// and the older ones answer `superseded` (they answer a question no longer asked).
import { useEffect, useRef, useState } from "react";
import { useRefusalText } from "@/components/import/import-status";
import {
  sendFile,
  type ClientImportProgress,
  type ImportError,
  type TransportOutcome,
  type UploadRequest,
} from "@/components/import/stream-import";

export type { UploadRequest } from "@/components/import/stream-import";
export type SendFile<T> = (
  request: UploadRequest,
  hooks: { signal: AbortSignal; onProgress: (progress: ClientImportProgress) => void },
) => Promise<TransportOutcome<T>>;
export type Superseded = { ok: false; superseded: true };
const SUPERSEDED: Superseded = { ok: false, superseded: true };

/** The queue without React: `onProgress` hears the running upload's progress, null when none runs. */
export function createUploader<T>(send: SendFile<T>, onProgress: (progress: ClientImportProgress | null) => void) {
  type Wish = { request: UploadRequest; resolve: (outcome: TransportOutcome<T> | Superseded) => void };
  let running: AbortController | null = null;
  let pending: Wish | null = null;
  const start = ({ request, resolve }: Wish) => {
    const controller = new AbortController();
    running = controller;
    onProgress(null);
    void send(request, { signal: controller.signal, onProgress: (progress) => running === controller && onProgress(progress) })
      .catch((): TransportOutcome<T> => ({ ok: false, error: { code: "CONNECTION_LOST", message: "" } }))
      .then((outcome) => {
        running = null;
        const next = pending;
        pending = null;
        resolve(next || controller.signal.aborted ? SUPERSEDED : outcome);
        if (next) start(next);
        else onProgress(null);
      });
  };
  return {
    upload(request: UploadRequest): Promise<TransportOutcome<T> | Superseded> {
      return new Promise((resolve) => {
        if (!running) return start({ request, resolve });
        pending?.resolve(SUPERSEDED);
        pending = { request, resolve };
      });
    },
    abort() {
      pending?.resolve(SUPERSEDED);
      pending = null;
      running?.abort();
    },
  };
}

export type UploadOutcome<T> = { ok: true; data: T } | { ok: false; error: ImportError; message: string } | Superseded;

/**
 * `refusalText` says a refusal in the user's language (default: the import pages' texts);
 * the outcome carries it as `message`. Leaving the page aborts the upload.
 */
export function useUpload<T>(refusalText?: (refusal: ImportError) => string) {
  const importText = useRefusalText();
  const text = refusalText ?? importText;
  const [progress, setProgress] = useState<ClientImportProgress | null>(null);
  const uploader = useRef<ReturnType<typeof createUploader<T>> | null>(null);
  uploader.current ??= createUploader<T>(sendFile, setProgress);
  useEffect(() => () => uploader.current?.abort(), []);
  return {
    progress,
    async upload(request: UploadRequest): Promise<UploadOutcome<T>> {
      const outcome = await uploader.current!.upload(request);
      if (outcome.ok || "superseded" in outcome) return outcome;
      return { ...outcome, message: text(outcome.error) };
    },
    abort: () => uploader.current?.abort(),
  };
}
