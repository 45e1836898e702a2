// A CSV file download for the signed-in user: 401 without a session, the AppError's
// status (404 for an outsider) as plain text, and a byte-order mark so spreadsheet
// programs read the UTF-8 (€, ë) correctly. Every download is written to the user's
// security log.
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { getCurrentUser } from "@/lib/platform/auth/current-user";
import { db } from "@/lib/platform/db/client";
import { runAsUser } from "@/lib/platform/db/db-context";
import { appErrorStatus, isAppError } from "@/lib/platform/errors";

export async function csvDownload(fileName: string, produce: (caller: { userId: string }) => Promise<string>): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Not signed in", { status: appErrorStatus.UNAUTHENTICATED });
  if (user.twoFactorSetupRequired) return new Response("Two-factor login required", { status: appErrorStatus.FORBIDDEN });
  try {
    const csv = await produce({ userId: user.id });
    await runAsUser(user.id, () =>
      db().$transaction((tx) =>
        writeAuditLog(tx, {
          businessId: null,
          actorId: user.id,
          action: "security.export",
          entityType: "Export",
          entityId: fileName.slice(0, 200),
        }),
      ),
    );
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "")}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.code === "NOT_FOUND" ? "Not found" : error.message, { status: error.status });
    throw error;
  }
}
