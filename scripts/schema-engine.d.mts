export declare const SCHEMA: string;
export declare const MIGRATIONS: string;
export type SchemaDiff = { changed: boolean; sql: string };
export declare function openSchemaEngine(options?: { databaseUrl?: string }): Promise<{
  diffMigrationsToSchema(): Promise<SchemaDiff>;
  diffDatabaseToSchema(): Promise<SchemaDiff>;
}>;
