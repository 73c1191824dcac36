import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startTestService, type TestService } from "../support/service.ts";
import { SEEDED_AT } from "../support/fixtures.ts";

let db: TestDatabase | undefined;
let service: TestService | undefined;
afterEach(async () => {
  await service?.stop();
  await db?.drop();
  service = undefined;
  db = undefined;
});

describe("the service's health endpoints and shutdown", () => {
  it("answers /healthz and /readyz while the database is reachable, and /readyz 503 once it is not", async () => {
    db = await createTestDatabase();
    service = await startTestService({ db });
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: "ok" });

    await db.close(); // the database goes away under a running service
    const down = await fetch(`${service.url}/readyz`);
    expect(down.status).toBe(503);
    expect((await down.json()).database).toBe("unreachable");
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200); // the process itself is still up
    db = undefined; // already closed
    await service.stop();
    service = undefined;
  });

  it("finishes acknowledged work before it stops, then refuses new connections", async () => {
    db = await createTestDatabase();
    service = await startTestService({ db });
    let finished = false;
    void service.inFlight.track(
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await db!.prisma.auditEvent.create({ data: { actor: "test", action: "late.write", createdAt: SEEDED_AT } });
        finished = true;
      })(),
    );
    const url = service.url;
    await service.stop();
    service = undefined;
    expect(finished).toBe(true);
    expect(await db.prisma.auditEvent.count()).toBe(1);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it("answers unknown routes with 404 rather than an error page", async () => {
    db = await createTestDatabase();
    service = await startTestService({ db });
    const response = await fetch(`${service.url}/nope`);
    expect(response.status).toBe(404);
  });
});
