// Renders that reported an error, by the id the page cache gives each render it may keep
// (a request header). Next.js reports every error of a render, including those an error
// boundary caught inside a page already sent with status 200, to instrumentation.ts's
// onRequestError; such a page is not kept. The set lives on globalThis: instrumentation
// is bundled by Next.js, the page cache is not, and both run in the web server's process.
export const RENDER_ID_HEADER = "x-drempel-render-id";

const LIMIT = 1_000;
const globalForFailures = globalThis as unknown as { drempelRenderFailures?: Set<string> };
const failures = (globalForFailures.drempelRenderFailures ??= new Set<string>());

/** Called by onRequestError with the request's headers. */
export function recordRenderFailure(headers: Record<string, string | string[] | undefined>): void {
  const id = headers[RENDER_ID_HEADER];
  if (typeof id !== "string") return;
  if (failures.size >= LIMIT) failures.delete(failures.values().next().value!);
  failures.add(id);
}

/** Whether the render with this id reported an error; forgets it. */
export function takeRenderFailure(id: string): boolean {
  return failures.delete(id);
}
