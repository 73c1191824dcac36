import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../src/db/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { readPrismaSchema } from "../support/prisma-schema.ts";

const models = readPrismaSchema();

// The SQL migrations are written by hand (Prisma's migrate engine cannot run offline): this keeps them in step
// with schema.prisma, so the generated client never asks for a column the database lacks.
const scalarTypes: Record<string, string[]> = {
  String: ["text"],
  Int: ["integer"],
  Float: ["double precision"],
  Boolean: ["boolean"],
  DateTime: ["timestamp without time zone"],
  Json: ["jsonb"],
};

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe("database migrations", () => {
  it("create every model field of schema.prisma with its type and nullability", async () => {
    const columns = await db.prisma.$queryRawUnsafe<
      { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }[]
    >(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const byKey = new Map(columns.map((column) => [`${column.table_name}.${column.column_name}`, column]));
    const problems: string[] = [];
    for (const model of models) {
      for (const field of model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum")) {
        const column = byKey.get(`${model.name}.${field.name}`);
        if (!column) {
          problems.push(`${model.name}.${field.name} is missing`);
          continue;
        }
        const expected = field.kind === "enum" ? [field.type] : scalarTypes[field.type];
        const actual = field.kind === "enum" ? column.udt_name : column.data_type;
        if (!expected?.includes(actual))
          problems.push(`${model.name}.${field.name} is ${actual}, schema says ${field.type}`);
        if ((column.is_nullable === "YES") !== !field.required)
          problems.push(`${model.name}.${field.name} nullability differs`);
      }
      const tableColumns = columns
        .filter((column) => column.table_name === model.name)
        .map((column) => column.column_name);
      for (const name of tableColumns) {
        if (!model.fields.some((field) => field.name === name))
          problems.push(`${model.name}.${name} exists only in SQL`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("create every unique constraint and index of schema.prisma", async () => {
    const indexes = await db.prisma.$queryRawUnsafe<{ tablename: string; indexdef: string }[]>(
      `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
    );
    const problems: string[] = [];
    const has = (table: string, fields: readonly string[], unique: boolean) =>
      indexes.some(
        (index) =>
          index.tablename === table &&
          index.indexdef.startsWith(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX") &&
          // PostgreSQL quotes only identifiers that need it (mixed case), so compare without quotes.
          index.indexdef.replaceAll('"', "").endsWith(`(${fields.join(", ")})`),
      );
    for (const model of models) {
      for (const field of model.fields.filter((f) => f.unique)) {
        if (!has(model.name, [field.name], true)) problems.push(`${model.name}.${field.name} @unique is missing`);
      }
      for (const fields of model.uniques)
        if (!has(model.name, fields, true)) problems.push(`${model.name} @@unique(${fields}) is missing`);
      for (const fields of model.indexes) {
        if (!has(model.name, fields, false)) problems.push(`${model.name} @@index(${fields}) is missing`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("apply nothing twice when the service starts again on the same database", async () => {
    const again = await migrate({
      exec: (sql) => db.prisma.$executeRawUnsafe(sql),
      query: async (sql, params) => {
        // pg_advisory_lock returns void, which Prisma cannot deserialise: run those as statements.
        if (/pg_advisory/.test(sql)) return { rows: [], count: await db.prisma.$executeRawUnsafe(sql) };
        return { rows: await db.prisma.$queryRawUnsafe(sql, ...(params ?? [])) };
      },
    });
    expect(again.applied).toEqual([]);
    expect(again.modified).toEqual([]);
  });
});
