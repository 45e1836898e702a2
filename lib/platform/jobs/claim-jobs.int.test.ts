// A worker limited to some kinds of jobs claims only those: the rest stay pending for
// the workers that do them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { claimJobs } from "./claim-jobs";

describe("claimJobs", () => {
  it("claims only the kinds asked for, and every kind when none are named", async () => {
    const tag = `claim-${Date.now()}@test.drempel.nl`;
    await db().outboxJob.createMany({
      data: [
        { kind: "ACCESS_EMAIL", toAddress: tag, subject: "a", textBody: "a" },
        { kind: "PASSWORD_RESET_REQUEST", toAddress: tag },
      ],
    });
    const now = new Date(Date.now() + 1_000);
    const access = await claimJobs({ workerId: "w-access", now, limit: 1_000, leaseMs: 60_000, kinds: ["ACCESS_EMAIL"] });
    expect(access.filter((job) => job.toAddress === tag).map((job) => job.kind)).toEqual(["ACCESS_EMAIL"]);
    expect(access.every((job) => job.kind === "ACCESS_EMAIL")).toBe(true);
    const rest = await claimJobs({ workerId: "w-all", now, limit: 1_000, leaseMs: 60_000 });
    expect(rest.filter((job) => job.toAddress === tag).map((job) => job.kind)).toEqual(["PASSWORD_RESET_REQUEST"]);
  });
});
