// P6 (Teams): linking a Teams roster of 10,000 members (read 500 a page) and opening a personal chat with each
// linked person, through the real CloudAdapter and botbuilder's connector client to the fake Bot Connector, which
// enforces Microsoft's documented per-app, per-tenant ceiling on createConversation (30 requests/s: the figure in
// Microsoft's rate-limit page the team designs for; 429 + Retry-After beyond it). Momentum opens chats under its
// own bucket (CREATE_CONVERSATION_LIMIT, a third of the ceiling, so the outbox keeps the rest). Reported: roster
// and createConversation calls, 429s, wall time, and the ratios to two floors: the tenant ceiling and Momentum's
// own share of it (its sustained rate after the first burst); a few chats are opened at once (CHAT_OPENERS).
// Time is scaled by P6_SCALE (default 50: the fake's one-second window is 20 ms and our bucket 50x faster) so the
// run is bounded; the ratios are what matter.
import { pathToFileURL } from "node:url";
import type { ConversationReference } from "botbuilder";
import { openDatabase } from "../src/db/database.ts";
import { createRateLimiter } from "../src/deliveries/rate-limiter.ts";
import type { DomainContext } from "../src/domain/context.ts";
import { createCloudAdapter } from "../src/platforms/teams/adapter.ts";
import { CHAT_OPENERS, CREATE_CONVERSATION_LIMIT, reachTeam, ROSTER_PAGE } from "../src/platforms/teams/directory.ts";
import { systemClock } from "../src/shared/clock.ts";
import { createLogger } from "../src/shared/logger.ts";
import { startFakeConnector } from "../test/support/fake-connector.ts";

const MEMBERS = Number(process.env.P6_MEMBERS ?? 10_000);
const SCALE = Number(process.env.P6_SCALE ?? 50);
/** Microsoft's per-app, per-tenant ceiling (requests a second) that the team designs for. */
const TENANT_PER_SECOND = 30;
const TENANT = "tenant-bench";
const TEAM = "19:bench-team@thread.tacv2";

export async function runP6Teams() {
  const logger = createLogger({ level: "silent", pretty: false });
  const database = await openDatabase({ dataDir: "memory://" });
  const fake = await startFakeConnector();
  const seededAt = new Date(); // bench set-up: when the rows were made does not matter
  try {
    // Everyone imported; the team also holds 5 % members of another tenant, who must never be linked.
    const people = Array.from({ length: MEMBERS }, (_, index) => ({
      email: `person${index}@example.com`,
      name: `Person ${index}`,
      timeZone: "UTC",
      createdAt: seededAt,
      updatedAt: seededAt,
    }));
    await database.prisma.person.createMany({ data: people });
    const memberIds: string[] = [];
    people.forEach((person, index) => {
      const id = `29:bench-${index}`;
      fake.addMember({
        id,
        aadObjectId: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
        name: person.name,
        email: person.email,
        tenantId: TENANT,
        installed: true,
      });
      memberIds.push(id);
    });
    for (let index = 0; index < MEMBERS / 20; index++) {
      const id = `29:guest-${index}`;
      fake.addMember({
        id,
        aadObjectId: `00000000-0000-4000-9000-${String(index).padStart(12, "0")}`,
        name: `Guest ${index}`,
        email: `person${index}@example.com`,
        tenantId: "tenant-elsewhere",
        installed: true,
      });
      memberIds.push(id);
    }
    fake.setTeam({ id: TEAM, memberIds, botInTeam: true });
    fake.createConversationCeiling({ limit: TENANT_PER_SECOND, windowMs: 1000 / SCALE, retryAfterSeconds: 1 });

    const domain: DomainContext = {
      prisma: database.prisma,
      clock: systemClock,
      logger,
      adminEmails: [],
      org: {
        defaultTimeZone: "UTC",
        kudosValues: [],
        kudosDailyLimit: 5,
        checkInWeekday: 5,
        checkInTime: "15:00",
        checkInReminderTime: "10:00",
        workdayStart: "09:00",
        workdayEnd: "18:00",
        workDays: [1, 2, 3, 4, 5],
      },
    };
    const adapter = createCloudAdapter({ appType: "MultiTenant", devMode: true }, logger);
    const reference: Partial<ConversationReference> = {
      channelId: "msteams",
      serviceUrl: fake.url,
      bot: { id: "28:bench", name: "Momentum" },
      conversation: { id: TEAM, conversationType: "channel", tenantId: TENANT, isGroup: true, name: "General" },
    };
    const createConversationLimit = {
      ...CREATE_CONVERSATION_LIMIT,
      perSecond: CREATE_CONVERSATION_LIMIT.perSecond * SCALE,
      burst: CREATE_CONVERSATION_LIMIT.burst,
    };
    const deps = {
      domain,
      logger,
      adapter,
      appId: "",
      rateLimiter: createRateLimiter(database.prisma, systemClock),
      createConversationLimit,
      sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    };

    const started = performance.now();
    const reach = await reachTeam(deps, { teamId: TEAM, tenantId: TENANT, reference });
    const wallMs = performance.now() - started;
    if (reach === "removed") throw new Error("the fake answered as if the bot was not in the team");

    const creates = fake.createConversationCalls;
    const opened = creates.filter((call) => call.status === 201).length;
    const tenantFloorMs = (opened * 1000) / TENANT_PER_SECOND / SCALE;
    const shareFloorMs =
      (Math.max(0, opened - CREATE_CONVERSATION_LIMIT.burst) * 1000) / CREATE_CONVERSATION_LIMIT.perSecond / SCALE;
    return {
      rosterMembers: memberIds.length,
      ofAnotherTenant: MEMBERS / 20,
      linked: reach.linked,
      reachable: reach.reachable.length,
      rosterPageSize: ROSTER_PAGE,
      rosterCalls: fake.rosterCalls.length,
      createConversationCalls: creates.length,
      personalChatsOpened: opened,
      rateLimited429: creates.filter((call) => call.status === 429).length,
      timeScale: SCALE,
      wallMsScaled: Math.round(wallMs),
      tenantCeilingFloorMsScaled: Math.round(tenantFloorMs),
      ratioToTenantCeilingFloor: Number((wallMs / Math.max(1, tenantFloorMs)).toFixed(2)),
      momentumShareFloorMsScaled: Math.round(shareFloorMs),
      ratioToMomentumShareFloor: Number((wallMs / Math.max(1, shareFloorMs)).toFixed(2)),
      chatsOpenedAtOnce: CHAT_OPENERS,
      // Unscaled: what the rates alone cost a real 10,000-person tenant.
      realTenantCeilingFloorMinutes: Number(((tenantFloorMs * SCALE) / 60_000).toFixed(1)),
      realMomentumShareFloorMinutes: Number(((shareFloorMs * SCALE) / 60_000).toFixed(1)),
    };
  } finally {
    await fake.close();
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await runP6Teams(), null, 2)}\n`);
  process.exit(0);
}
