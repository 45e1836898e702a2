// Small builders for integration tests: users and businesses with unique names.
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { createBusiness } from "@/lib/businesses/create-business";

export async function createUser(label = "user") {
  const suffix = crypto.randomBytes(4).toString("hex");
  return db().user.create({
    data: { email: `${label}-${suffix}@test.drempel.nl`, name: `${label} ${suffix}`, passwordHash: "scrypt$unused" },
  });
}

export async function createOwnedBusiness(ownerId: string, name = "Test BV") {
  return createBusiness({
    caller: { userId: ownerId },
    input: { name, kvkNumber: "12345678", korParticipations: [{ from: "2025-01-01" }] },
  });
}
