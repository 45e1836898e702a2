// Prisma's own schema engine, compiled to WebAssembly, driven through a driver adapter.
// These machines cannot download the native engine, so `prisma migrate diff|dev` are
// replaced by this module: it diffs the migrations folder, or a live database, against
// schema.prisma. Works against PostgreSQL (DATABASE_URL) or an in-memory PGlite.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const SCHEMA = path.join(root, "prisma/schema.prisma");
export const MIGRATIONS = path.join(root, "prisma/migrations");
const filters = { externalTables: [], externalEnums: [] };

// One wasm instance per process: the generated glue module holds it as a singleton.
let gluePromise;
const loadGlue = () => (gluePromise ??= instantiateGlue());

async function instantiateGlue() {
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const glue = await import(path.join(pkgDir, "schema_engine_bg.js"));
  // The wasm shipped with the prisma CLI matches its engine version exactly.
  const cliWasm = path.join(path.dirname(require.resolve("prisma/package.json")), "build/schema_engine_bg.wasm");
  const wasmPath = process.env.SE_WASM ?? (fs.existsSync(cliWasm) ? cliWasm : path.join(pkgDir, "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), {
    "./schema_engine_bg.js": glue,
  });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return glue;
}

// adapter-pg rejects pg_catalog's "char" columns (oid 18) that the schema describer reads,
// and splits scripts at every ";", which breaks function bodies ($$ … $$) in migrations:
// send a script whole instead (the simple query protocol runs several statements).
function patchCharColumns(queryable) {
  if (queryable.executeScript && queryable.client?.query) {
    queryable.executeScript = async (script) => {
      try {
        await queryable.client.query(script);
      } catch (error) {
        queryable.onError(error);
      }
    };
  }
  const io = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await io(query);
    for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  if (queryable.startTransaction) {
    const start = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => patchCharColumns(await start(...args));
  }
  return queryable;
}

async function pgFactory(databaseUrl) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pg = (await import("pg")).default;
  const u = new URL(databaseUrl);
  // Discrete fields: a connectionString would silently override the shadow database name.
  const cfg = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
  const base = new PrismaPg({ ...cfg, database: u.pathname.slice(1) });
  const connectToShadowDb = async () => {
    const admin = new pg.Client({ ...cfg, database: u.pathname.slice(1) });
    await admin.connect();
    const name = `prisma_shadow_${crypto.randomUUID().replace(/-/g, "")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const adapter = patchCharColumns(await new PrismaPg({ ...cfg, database: name }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return adapter;
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => patchCharColumns(await base.connect()),
    connectToShadowDb,
  };
}

async function pgliteFactory() {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  return new PrismaPGlite(new PGlite());
}

export function loadMigrations(dir = MIGRATIONS) {
  const dirs = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => {
      const file = path.join(dir, d, "migration.sql");
      return {
        path: d,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file) ? { tag: "ok", value: fs.readFileSync(file, "utf8") } : { tag: "error", value: "missing" },
        },
      };
    }),
  };
}

/** Opens the engine on PostgreSQL when databaseUrl is given, else on an in-memory PGlite. */
export async function openSchemaEngine({ databaseUrl } = {}) {
  const glue = await loadGlue();
  const schemaContent = fs.readFileSync(SCHEMA, "utf8");
  const schema = { files: [{ path: SCHEMA, content: schemaContent }] };
  const factory = bindMigrationAwareSqlAdapterFactory(databaseUrl ? await pgFactory(databaseUrl) : await pgliteFactory());
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[SCHEMA, schemaContent]] },
    (msg) => process.env.DEBUG_SE && console.error("[schema-engine]", msg),
    factory,
  );
  const diff = async (from) => {
    const result = await engine.diff({ from, to: { tag: "schemaDatamodel", ...schema }, script: true, exitCode: true, filters });
    return { changed: result.exitCode !== 0, sql: result.stdout ?? "" };
  };
  return {
    /** SQL that takes the migrations folder to schema.prisma (uses a shadow database). */
    diffMigrationsToSchema: () => diff({ tag: "migrations", ...loadMigrations() }),
    /** SQL that takes the connected database as it is to schema.prisma. */
    diffDatabaseToSchema: () => diff({ tag: "schemaDatasource", configDir: root, ...schema }),
  };
}
