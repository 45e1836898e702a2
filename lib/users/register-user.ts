// Registers a user with a hashed password; registration is rate-limited per IP.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { enforceRateLimits } from "@/lib/rate-limit/hit-rate-limit";
import { parseOrThrow } from "@/lib/validation";
import { registerSchema } from "@/lib/users/user.types";
import { Prisma } from "@/lib/generated/prisma/client";

export async function registerUser(options: { input: unknown; ip?: string }): Promise<{ id: string; email: string }> {
  const input = parseOrThrow(registerSchema, options.input);
  if (options.ip) {
    const { REGISTER_RATE_LIMIT: limit, REGISTER_RATE_WINDOW_SECONDS: windowSeconds } = env();
    await enforceRateLimits([{ key: `register:ip:${options.ip}`, limit, windowSeconds }], "Too many registrations");
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db().user.create({
      data: { name: input.name, email: input.email, passwordHash, locale: input.locale },
      select: { id: true, email: true },
    });
    return user;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Email taken", { fields: { email: "validation.emailTaken" } });
    }
    throw error;
  }
}
