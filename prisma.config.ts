import { defineConfig } from "prisma/config";

// Only `prisma generate` is used: migrations are committed SQL applied at start by src/db/migrate.ts,
// because every Prisma 7 migrate command needs a schema engine that cannot be downloaded offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
