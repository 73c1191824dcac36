// A test database whose Prisma client fails chosen operations on demand, as a database that drops the connection
// mid-request would: `faults.fail("CheckIn", "createMany")` (the model as schema.prisma names it) makes the next such query throw, inside a transaction
// or not. Query extensions wrap every model operation, including those on a transaction's client.
import type { PrismaClient } from "../../src/db/database.ts";
import type { TestDatabase } from "./database.ts";

export class DatabaseFaults {
  private readonly planned: { model: string; operation: string; times: number }[] = [];
  /** How long each query waits before it runs (a slow database); 0 = at once. */
  private gate: Promise<void> | null = null;

  /** The next `times` calls of `model.operation` throw as a lost connection would. */
  fail(model: string, operation: string, times = 1): void {
    this.planned.push({ model, operation, times });
  }

  /** Every query waits until `release` resolves: a database that stopped answering. */
  stall(release: Promise<void>): void {
    this.gate = release.finally(() => {
      this.gate = null;
    });
  }

  async before(model: string, operation: string): Promise<void> {
    if (this.gate) await this.gate;
    const plan = this.planned.find(
      (entry) => entry.model === model && entry.operation === operation && entry.times > 0,
    );
    if (!plan) return;
    plan.times -= 1;
    throw Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" });
  }

  reset(): void {
    this.planned.length = 0;
    this.gate = null;
  }
}

export function withFaults(db: TestDatabase): { db: TestDatabase; faults: DatabaseFaults } {
  const faults = new DatabaseFaults();
  const prisma = db.prisma.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          await faults.before(model, operation);
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
  return { db: { ...db, prisma }, faults };
}
