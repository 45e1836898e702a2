import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/platform/env";

describe("parseEnv", () => {
  it("defaults to the embedded database in .data", () => {
    const env = parseEnv({});
    expect(env.embedded).toBe(true);
    expect(env.dataDir).toBe(path.resolve(".data"));
    expect(env.PORT).toBe(3000);
    expect(env.LOGIN_RATE_LIMIT).toBe(10);
    expect(env.API_RATE_LIMIT).toBe(600);
    expect(env.API_RATE_WINDOW_SECONDS).toBe(60);
    expect(env.PASSWORD_RESET_TOKEN_MINUTES).toBe(60);
    expect(env.SHUTDOWN_TIMEOUT_MS).toBe(25_000);
  });

  it("gives the pg-boss schedules a heartbeat: a job of a dead worker is retried after a minute, never less than 10 s", () => {
    const env = parseEnv({});
    expect([
      env.SCHEDULER_HEARTBEAT_SECONDS,
      env.SCHEDULER_SUPERVISE_SECONDS,
      env.SCHEDULER_RETRY_DELAY_SECONDS,
      env.SCHEDULER_POLL_SECONDS,
    ]).toEqual([60, 60, 60, 10]);
    expect(() => parseEnv({ SCHEDULER_HEARTBEAT_SECONDS: "5" })).toThrow(/SCHEDULER_HEARTBEAT_SECONDS/);
    expect(() => parseEnv({ SCHEDULER_POLL_SECONDS: "0.1" })).toThrow(/SCHEDULER_POLL_SECONDS/);
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/drempel" });
    expect(env.embedded).toBe(false);
  });

  it("connects the app as drempel_app: APP_DATABASE_URL, else DATABASE_URL's server and database as that role", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://owner:secret@db:5432/drempel?sslmode=require" }).appDatabaseUrl).toBe(
      "postgresql://drempel_app@db:5432/drempel?sslmode=require",
    );
    expect(parseEnv({ DATABASE_URL: "postgresql://owner@db/x", APP_DATABASE_URL: "postgresql://drempel_app:pw@db/x" }).appDatabaseUrl).toBe(
      "postgresql://drempel_app:pw@db/x",
    );
    // The explicit opt-out: the app as the owner, unrestricted by the policies.
    expect(parseEnv({ DATABASE_URL: "postgresql://owner@db/x", APP_DATABASE_URL: "postgresql://owner@db/x" }).appDatabaseUrl).toBe(
      "postgresql://owner@db/x",
    );
    expect(parseEnv({ DATABASE_URL: "postgresql://owner@db/x", APP_DATABASE_URL: "" }).appDatabaseUrl).toBe(
      "postgresql://drempel_app@db/x",
    );
    expect(parseEnv({ APP_DATABASE_URL: "postgresql://drempel_app@db/x" }).appDatabaseUrl).toBeUndefined();
  });

  it("runs system work as drempel_worker: WORKER_DATABASE_URL, else the app's server and database as that role", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://owner:secret@db:5432/drempel?sslmode=require" }).workerDatabaseUrl).toBe(
      "postgresql://drempel_worker@db:5432/drempel?sslmode=require",
    );
    // Behind a pooler given as APP_DATABASE_URL, the worker goes through it too.
    expect(
      parseEnv({ DATABASE_URL: "postgresql://owner@db/x", APP_DATABASE_URL: "postgresql://drempel_app:pw@pooler:6432/x" })
        .workerDatabaseUrl,
    ).toBe("postgresql://drempel_worker@pooler:6432/x");
    expect(
      parseEnv({ DATABASE_URL: "postgresql://owner@db/x", WORKER_DATABASE_URL: "postgresql://drempel_worker:pw@db/x" }).workerDatabaseUrl,
    ).toBe("postgresql://drempel_worker:pw@db/x");
    expect(parseEnv({ WORKER_DATABASE_URL: "postgresql://drempel_worker@db/x" }).workerDatabaseUrl).toBeUndefined();
  });

  it("DATABASE_POOLER: direct by default, transaction on request, nothing else", () => {
    expect(parseEnv({}).DATABASE_POOLER).toBe("direct");
    expect(parseEnv({ DATABASE_POOLER: "transaction" }).DATABASE_POOLER).toBe("transaction");
    expect(() => parseEnv({ DATABASE_POOLER: "statement" })).toThrow(/DATABASE_POOLER/);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).embedded).toBe(true);
  });

  it("names each bad variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", PORT: "70000", NEXTAUTH_SECRET: "short" })).toThrow(
      /DATABASE_URL: must be a postgresql:\/\/ URL[\s\S]*NEXTAUTH_SECRET[\s\S]*PORT/,
    );
  });

  it("requires a session secret in production with PostgreSQL", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x" })).toThrow(/NEXTAUTH_SECRET: is required/);
    expect(() => parseEnv({ NODE_ENV: "production" })).not.toThrow();
  });
});
