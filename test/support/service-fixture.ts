// The base of the platform fixtures (slack-fixture.ts, teams-fixture.ts): one test database per test file
// (in-memory PGlite for the "embedded" project, a fresh PostgreSQL database for "postgres"), emptied before every
// test, and dropped when the file is done.
import { test } from "vitest";
import { createTestDatabase, resetDatabase, type TestDatabase } from "./database.ts";

export const databaseTest = test
  .extend("db", { scope: "file" }, async ({}, { onCleanup }): Promise<TestDatabase> => {
    const db = await createTestDatabase();
    onCleanup(() => db.drop());
    return db;
  })
  // Runs before every test (and before the file's beforeEach): each test starts from an empty database.
  .extend("emptyDatabase", { auto: true }, async ({ db }) => {
    await resetDatabase(db);
    return true;
  });
