// Readiness for load balancers and orchestrators: 200 when this node should get traffic —
// not shutting down and its database answering within two seconds — else 503, so the
// balancer takes it out of rotation. /api/health stays the liveness check.
import { NextResponse } from "next/server";
import { db } from "@/lib/platform/db/client";
import { isShuttingDown } from "@/lib/platform/http/lifecycle";

export const dynamic = "force-dynamic";

const DATABASE_TIMEOUT_MS = 2_000;
const noStore = { "cache-control": "no-store" };

export async function GET() {
  if (isShuttingDown()) return NextResponse.json({ status: "shutting-down" }, { status: 503, headers: noStore });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), DATABASE_TIMEOUT_MS);
      }),
    ]);
    return NextResponse.json({ status: "ready", database: "ok" }, { headers: noStore });
  } catch {
    return NextResponse.json({ status: "not-ready", database: "unreachable" }, { status: 503, headers: noStore });
  } finally {
    clearTimeout(timer);
  }
}
