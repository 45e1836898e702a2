// Next.js calls register() once when a server starts, before it serves a request. In the
// Node.js runtime it tells the database layer how a request's session becomes the context
// of its queries (lib/platform/db knows nothing of sign-in), and starts the alert queue's worker
// inside the web process (ALERT_WORKER=off leaves that to `npm run worker`). NEXT_RUNTIME
// is set by Next.js itself, not a setting of ours.
import { recordRenderFailure } from "@/lib/platform/page-cache/render-failures";

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ setRequestContextResolver }, { sessionDbContext }] = await Promise.all([
    import("@/lib/platform/db/request-context"),
    import("@/lib/platform/auth/session-db-context"),
  ]);
  setRequestContextResolver(sessionDbContext);
  const { startInlineWorker } = await import("@/lib/platform/jobs/start-inline-worker");
  startInlineWorker();
}

// An error in a render: the page cache must not keep that page (lib/platform/page-cache/render-failures.ts).
// Synchronous, so it is on record before the response ends.
export function onRequestError(_error: unknown, request: { headers: Record<string, string | string[] | undefined> }): void {
  recordRenderFailure(request.headers);
}
