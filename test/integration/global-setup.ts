// One fresh, migrated PostgreSQL database per integration run; dropped afterwards.
import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase, serverUrl } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let database: { name: string; url: string };
  try {
    database = await createDatabase();
  } catch (error) {
    throw new Error(`PostgreSQL at ${serverUrl()} is not usable for integration tests: ${(error as Error).message}`);
  }
  project.provide("databaseUrl", database.url);
  return async () => {
    const { disconnectDb } = await import("@/lib/platform/db/client");
    await disconnectDb();
    await dropDatabase(database.name);
  };
}
