// Whether an error means "the database cannot be reached" (503, retry later) rather than
// a bug (500). Prisma reports it as P1001 for model queries and as a raw-query failure
// with the driver's "Can't reach database server" for $queryRaw.
import { Prisma } from "@/lib/platform/db/generated/prisma/client";

const UNREACHABLE_CODES = new Set(["P1001", "P1002", "P1017"]);
// node-postgres's own errors when a pooled connection dies mid-query or cannot be opened.
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P03", "08001", "08006"]);
const NETWORK_MESSAGE = /Can't reach database server|Connection terminated|ECONNREFUSED|ECONNRESET|connection timeout/i;
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) {
    const code = (error as { code?: unknown } | null)?.code;
    return error instanceof Error && ((typeof code === "string" && NETWORK_CODES.has(code)) || NETWORK_MESSAGE.test(error.message));
  }
  if (UNREACHABLE_CODES.has(error.code)) return true;
  const kind = (error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError?.cause?.kind;
  if (kind && UNREACHABLE_KINDS.has(kind)) return true;
  return error.code === "P2010" && NETWORK_MESSAGE.test(error.message);
}
