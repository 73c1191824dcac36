// P6: linking a 10,000-person org to Slack, through the real WebClient to the fake Web API enforcing the documented
// tier of users.list (Tier 2: 20 calls a minute, 429 + Retry-After beyond it). Reported: Slack calls, 429s, wall
// time, and the floor the tier allows for that many pages (first page at once, then one per 3 s), plus the
// database part (linking and storing reach) on its own. Time is scaled by P6_SCALE (default 20: the fake's window
// is 3 s instead of 60 s and our bucket 20x faster) so the run is bounded; the ratio to the floor is what matters.
// For comparison, the floor of one users.lookupByEmail per person (Tier 3: 50 a minute) is computed, not run.
import { pathToFileURL } from "node:url";
import { openDatabase } from "../src/db/database.ts";
import { createRateLimiter } from "../src/deliveries/rate-limiter.ts";
import type { DomainContext } from "../src/domain/context.ts";
import type { SlackMember } from "../src/domain/directory/directory-ports.ts";
import { linkSlackMembers } from "../src/domain/directory/link-slack-members.ts";
import { syncSlackDirectory } from "../src/domain/directory/sync-slack-directory.ts";
import { createBoltLogger } from "../src/platforms/slack/bolt-logger.ts";
import { createSlackMemberSource, SLACK_DIRECTORY_TIERS, USERS_LIST_PAGE } from "../src/platforms/slack/directory.ts";
import { createWebClient, slackClientOptions } from "../src/platforms/slack/web-client.ts";
import { systemClock } from "../src/shared/clock.ts";
import { createLogger } from "../src/shared/logger.ts";
import { startFakeSlack } from "../test/support/fake-slack.ts";

const PEOPLE = Number(process.env.P6_PEOPLE ?? 10_000);
const SCALE = Number(process.env.P6_SCALE ?? 20);
const TIER2_PER_MINUTE = 20;
const TIER3_PER_MINUTE = 50;

export async function runP6() {
  const logger = createLogger({ level: "silent", pretty: false });
  const database = await openDatabase({ dataDir: "memory://" });
  const fake = await startFakeSlack({ token: "xoxb-bench" });
  const seededAt = new Date(); // bench set-up: when the rows were made does not matter
  try {
    const people = Array.from({ length: PEOPLE }, (_, index) => ({
      email: `person${index}@example.com`,
      name: `Person ${index}`,
      timeZone: "UTC",
      createdAt: seededAt,
      updatedAt: seededAt,
    }));
    await database.prisma.person.createMany({ data: people });
    // The workspace: everyone, plus 5 % deleted, guests and bots that must not be linked.
    people.forEach((person, index) =>
      fake.addUser({
        id: `U${index}`,
        name: person.name,
        email: person.email,
        tz: "Europe/Berlin",
        deleted: index % 60 === 1,
        guest: index % 60 === 2 ? "restricted" : undefined,
      }),
    );
    for (let index = 0; index < PEOPLE / 20; index++)
      fake.addUser({ id: `B${index}`, name: `Bot ${index}`, isBot: true });
    const windowMs = 60_000 / SCALE;
    fake.ceiling("users.list", { limit: TIER2_PER_MINUTE, windowMs, retryAfterSeconds: 1 });

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
    const client = createWebClient(
      "xoxb-bench",
      slackClientOptions({ apiUrl: fake.apiUrl, logger: createBoltLogger(logger, []) }),
    );
    const tiers = {
      list: { ...SLACK_DIRECTORY_TIERS.list, perSecond: SLACK_DIRECTORY_TIERS.list.perSecond * SCALE },
      lookup: { ...SLACK_DIRECTORY_TIERS.lookup, perSecond: SLACK_DIRECTORY_TIERS.lookup.perSecond * SCALE },
    };
    const source = createSlackMemberSource({
      client,
      tiers,
      rateLimiter: createRateLimiter(database.prisma, systemClock),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });

    // The Slack part (paging under the tier) and the database part (one linking transaction), timed apart.
    const started = performance.now();
    const members: SlackMember[] = [];
    for await (const page of source.pages()) members.push(...page);
    const wallMs = performance.now() - started;
    const calls = fake.calls("users.list");
    const linkStarted = performance.now();
    const { linked } = await linkSlackMembers(domain, { members });
    const linkMs = performance.now() - linkStarted;
    fake.clearFaults();
    const summary = await syncSlackDirectory(domain, createSlackMemberSource({ client, sleep: async () => undefined }));
    const pages = calls.filter((call) => call.ok).length;
    const floorMs = ((pages - 1) * 60_000) / TIER2_PER_MINUTE / SCALE;

    // The database part alone: a second sync against an unlimited fake (everyone already linked: reach rewritten).
    fake.clearFaults();
    const relinkStarted = performance.now();
    await syncSlackDirectory(domain, createSlackMemberSource({ client, sleep: async () => undefined }));
    const relinkMs = performance.now() - relinkStarted;

    return {
      people: PEOPLE,
      slackAccounts: PEOPLE + PEOPLE / 20,
      linked,
      reachable: summary.reachable,
      notLinked: summary.unreachable,
      usersListCalls: calls.length,
      rateLimited429: calls.filter((call) => call.failure === "429").length,
      pageSize: USERS_LIST_PAGE,
      timeScale: SCALE,
      wallMsScaled: Math.round(wallMs),
      floorMsScaled: Math.round(floorMs),
      ratioToFloor: Number((wallMs / Math.max(1, floorMs)).toFixed(2)),
      realTimeAtTier2Seconds: Math.round((wallMs * SCALE) / 1000),
      realFloorAtTier2Seconds: Math.round((floorMs * SCALE) / 1000),
      firstLinkTransactionMs: Math.round(linkMs),
      repeatSyncWithoutLimitsMs: Math.round(relinkMs),
      oneLookupPerPersonFloorMinutes: Math.round(PEOPLE / TIER3_PER_MINUTE),
    };
  } finally {
    await fake.stop();
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await runP6(), null, 2)}\n`);
  process.exit(0);
}
