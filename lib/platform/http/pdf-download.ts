// A PDF file download for the signed-in user, as csvDownload does for CSV: 401 without a
// session, the AppError's status (404 for an outsider) as plain text, and every download
// written to the user's security log.
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { getCurrentUser } from "@/lib/platform/auth/current-user";
import { db } from "@/lib/platform/db/client";
import { runAsUser } from "@/lib/platform/db/db-context";
import { appErrorStatus, isAppError } from "@/lib/platform/errors";

/** The response headers of a PDF download named `fileName`. */
export function pdfHeaders(fileName: string): Record<string, string> {
  return {
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "")}"`,
    "cache-control": "no-store",
  };
}

/** Records a file download in the user's security log, as every export is. */
export async function logExport(userId: string, fileName: string): Promise<void> {
  await runAsUser(userId, () =>
    db().$transaction((tx) =>
      writeAuditLog(tx, {
        businessId: null,
        actorId: userId,
        action: "security.export",
        entityType: "Export",
        entityId: fileName.slice(0, 200),
      }),
    ),
  );
}

export async function pdfDownload(fileName: string, produce: (caller: { userId: string }) => Promise<Buffer>): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Not signed in", { status: appErrorStatus.UNAUTHENTICATED });
  if (user.twoFactorSetupRequired) return new Response("Two-factor login required", { status: appErrorStatus.FORBIDDEN });
  try {
    const pdf = await runAsUser(user.id, () => produce({ userId: user.id }));
    await logExport(user.id, fileName);
    return new Response(new Uint8Array(pdf), { headers: pdfHeaders(fileName) });
  } catch (error) {
    if (isAppError(error)) return new Response(error.code === "NOT_FOUND" ? "Not found" : error.message, { status: error.status });
    throw error;
  }
}
