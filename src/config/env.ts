// One zod schema over the whole environment, parsed once at start. Every problem is reported at once.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { IANAZone } from "luxon";
import { z } from "zod";
import { CHECK_IN_ON_HOLIDAY, type OrgSettings } from "../domain/context.ts";
import { checkHolidayCalendar } from "../domain/schedule/holidays.ts";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
const flag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((value) => value === "true" || value === "1" || value === "yes");
const timeZone = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), "must be an IANA time zone such as Europe/Berlin");
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time such as 09:00");
const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    );

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: optionalText.pipe(z.url().optional()),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset for the embedded database)")
      .optional(),
  ),
  MOMENTUM_DATA_DIR: z.string().default("./data"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith("xoxb-", "must be a bot token (xoxb-…)").optional()),
  // Socket Mode: an app-level token (scope connections:write) makes Momentum dial out to Slack; no public URL.
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith("xapp-", "must be an app-level token (xapp-…) with the connections:write scope").optional(),
  ),
  SLACK_API_URL: z.url().default("https://slack.com/api/"),
  SLACK_KUDOS_CHANNEL: optionalText,
  // OAuth installs (several workspaces, Enterprise Grid): all four together, instead of SLACK_BOT_TOKEN.
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  SLACK_TOKEN_ENCRYPTION_KEY: optionalText.pipe(
    z
      .string()
      .refine(
        (key) => Buffer.from(key, "base64").length === 32 && /^[A-Za-z0-9+/]{43}=$/.test(key),
        "must be 32 random bytes in base64 (openssl rand -base64 32)",
      )
      .optional(),
  ),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("MultiTenant"),
  TEAMS_DEV_MODE: flag,
  DEFAULT_TIMEZONE: timeZone.default("UTC"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MOMENTUM_ADMIN_EMAILS: list("").transform((emails) => emails.map((email) => email.toLowerCase())),
  KUDOS_VALUES: list("teamwork,ownership,customer-first,craft,courage"),
  KUDOS_DAILY_LIMIT: z.coerce.number().int().min(1).max(100).default(5),
  CHECKIN_DAY: z.coerce.number().int().min(1).max(7).default(5),
  CHECKIN_TIME: clockTime.default("15:00"),
  CHECKIN_REMINDER_TIME: clockTime.default("10:00"),
  WORKDAY_START: clockTime.default("09:00"),
  WORKDAY_END: clockTime.default("18:00"),
  WORK_DAYS: list("1,2,3,4,5").pipe(
    z.array(z.string().transform(Number).pipe(z.number().int().min(1).max(7))).min(1, "must list at least one day"),
  ),
  SCHEDULER_ENABLED: flag.default(true),
  INSTANCE_ID: optionalText.pipe(z.string().max(200, "must be at most 200 characters").optional()),
  // Public holidays: the org's calendar (people and teams can have their own), and what a holiday does to a prompt.
  HOLIDAY_CALENDAR: optionalText.pipe(
    z
      .string()
      .transform((code, context) => {
        const check = checkHolidayCalendar(code);
        if (check.ok) return check.calendar.code;
        context.addIssue({ code: "custom", message: check.error });
        return z.NEVER;
      })
      .optional(),
  ),
  HOLIDAY_INCLUDE_OPTIONAL: flag,
  CHECKIN_ON_HOLIDAY: z.enum(CHECK_IN_ON_HOLIDAY, "must be previous, next or skip").default("previous"),
  // Privacy: check-in free text older than this many months is blanked by a daily job (mood and dates are kept).
  CHECKIN_TEXT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(600).default(24),
  // Privacy: the fewest people behind any aggregate (a pulse result, a team's numbers); never below 3.
  MIN_GROUP_SIZE: z.coerce
    .number()
    .int()
    .min(3, "must be at least 3: smaller groups would let people be identified")
    .max(1000)
    .default(5),
  // Outbox: fleet-wide ceilings (all instances together; 0 = unlimited) and per-instance concurrency.
  DELIVERY_SLACK_RATE_PER_SEC: z.coerce.number().min(0).max(10_000).default(20),
  DELIVERY_TEAMS_RATE_PER_SEC: z.coerce.number().min(0).max(10_000).default(40),
  DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
});

/** Every environment variable Momentum reads (documented one by one in .env.example). */
export const SETTING_NAMES = Object.keys(EnvSchema.shape);

// Rules across several settings. They run on the raw values so that they are reported together with any
// per-field problem (zod skips object refinements once a field has failed).
function crossFieldProblems(source: NodeJS.ProcessEnv): string[] {
  const set = (name: string) => Boolean(source[name]?.trim());
  const problems: string[] = [];
  const oauth = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"];
  if (oauth.some(set)) {
    for (const name of oauth.filter((name) => !set(name)))
      problems.push(`${name}: Slack OAuth installs need SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET`);
    if (!set("SLACK_TOKEN_ENCRYPTION_KEY"))
      problems.push(
        "SLACK_TOKEN_ENCRYPTION_KEY: Slack OAuth installs store bot tokens encrypted; set a key (openssl rand -base64 32)",
      );
    if (!set("SLACK_SIGNING_SECRET")) problems.push("SLACK_SIGNING_SECRET: Slack OAuth installs need it too");
    if (set("SLACK_BOT_TOKEN"))
      problems.push("SLACK_BOT_TOKEN: leave it unset with OAuth installs (each workspace gets its own token)");
    if (set("SLACK_APP_TOKEN"))
      problems.push(
        "SLACK_APP_TOKEN: Socket Mode serves one workspace with SLACK_BOT_TOKEN; OAuth installs receive Slack over HTTP, so leave it unset",
      );
  } else {
    const slackReceives = set("SLACK_SIGNING_SECRET") || set("SLACK_APP_TOKEN");
    if (set("SLACK_APP_TOKEN") && !set("SLACK_BOT_TOKEN"))
      problems.push("SLACK_APP_TOKEN: Slack Socket Mode needs SLACK_BOT_TOKEN too");
    else if (slackReceives !== set("SLACK_BOT_TOKEN"))
      problems.push(
        "SLACK_SIGNING_SECRET: Slack needs both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or SLACK_APP_TOKEN and SLACK_BOT_TOKEN for Socket Mode)",
      );
  }
  if (set("MICROSOFT_APP_ID") !== set("MICROSOFT_APP_PASSWORD") && source.MICROSOFT_APP_TYPE !== "UserAssignedMSI") {
    problems.push("MICROSOFT_APP_ID: Teams needs both MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD");
  }
  if (source.MICROSOFT_APP_TYPE === "SingleTenant" && set("MICROSOFT_APP_ID") && !set("MICROSOFT_APP_TENANT_ID")) {
    problems.push("MICROSOFT_APP_TENANT_ID: a SingleTenant Teams app needs MICROSOFT_APP_TENANT_ID");
  }
  if (["true", "1", "yes"].includes(source.TEAMS_DEV_MODE ?? "") && source.NODE_ENV === "production") {
    problems.push("TEAMS_DEV_MODE: unauthenticated Teams traffic is refused when NODE_ENV=production");
  }
  if ((source.WORKDAY_START ?? "09:00") >= (source.WORKDAY_END ?? "18:00"))
    problems.push("WORKDAY_END: must be later than WORKDAY_START");
  return problems;
}

type ParsedEnv = z.infer<typeof EnvSchema>;

export interface Config {
  env: ParsedEnv["NODE_ENV"];
  port: number;
  host: string;
  publicUrl?: string;
  database: { url?: string; dataDir: string; poolSize: number };
  slack?: {
    /** How Slack reaches Momentum: signed HTTP requests, or Socket Mode when an app-level token is set. */
    receive: { mode: "http"; signingSecret: string } | { mode: "socket"; appToken: string };
    /** Single-token mode; absent when `oauth` is set. */
    botToken?: string;
    apiUrl: string;
    kudosChannel?: string;
    /** OAuth installs: one installation (and token) per workspace or Grid org, stored encrypted. */
    oauth?: { clientId: string; clientSecret: string; stateSecret: string; tokenEncryptionKey: Buffer };
  };
  teams?: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: ParsedEnv["MICROSOFT_APP_TYPE"];
    devMode: boolean;
  };
  logLevel: ParsedEnv["LOG_LEVEL"];
  adminEmails: string[];
  /** The org's defaults, handed to the domain as they are. */
  org: Required<OrgSettings>;
  schedulerEnabled: boolean;
  /** Names this instance's leases (outbox rows, job claims); the same across restarts, so a restart hands back its own. */
  instanceId: string;
  deliveries: { slackPerSecond: number; teamsPerSecond: number; concurrency: number; maxAttempts: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Momentum cannot start, the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const result = EnvSchema.safeParse(source);
  const problems = [
    ...(result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`)),
    ...crossFieldProblems(source),
  ];
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const env = result.data;
  const teamsConfigured = Boolean(env.MICROSOFT_APP_ID);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    database: { url: env.DATABASE_URL, dataDir: env.MOMENTUM_DATA_DIR, poolSize: env.DATABASE_POOL_SIZE },
    slack:
      (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) && (env.SLACK_BOT_TOKEN || env.SLACK_CLIENT_ID)
        ? {
            receive: env.SLACK_APP_TOKEN
              ? { mode: "socket", appToken: env.SLACK_APP_TOKEN }
              : { mode: "http", signingSecret: env.SLACK_SIGNING_SECRET! },
            botToken: env.SLACK_BOT_TOKEN,
            apiUrl: env.SLACK_API_URL,
            kudosChannel: env.SLACK_KUDOS_CHANNEL,
            oauth: slackOAuth(env),
          }
        : undefined,
    teams:
      teamsConfigured || env.TEAMS_DEV_MODE
        ? {
            appId: env.MICROSOFT_APP_ID,
            appPassword: env.MICROSOFT_APP_PASSWORD,
            tenantId: env.MICROSOFT_APP_TENANT_ID,
            appType: env.MICROSOFT_APP_TYPE,
            devMode: env.TEAMS_DEV_MODE && !teamsConfigured,
          }
        : undefined,
    logLevel: env.LOG_LEVEL,
    adminEmails: env.MOMENTUM_ADMIN_EMAILS,
    org: {
      defaultTimeZone: env.DEFAULT_TIMEZONE,
      kudosValues: env.KUDOS_VALUES.map((value) => value.toLowerCase()),
      kudosDailyLimit: env.KUDOS_DAILY_LIMIT,
      checkInWeekday: env.CHECKIN_DAY,
      checkInTime: env.CHECKIN_TIME,
      checkInReminderTime: env.CHECKIN_REMINDER_TIME,
      workdayStart: env.WORKDAY_START,
      workdayEnd: env.WORKDAY_END,
      workDays: env.WORK_DAYS,
      checkInTextRetentionMonths: env.CHECKIN_TEXT_RETENTION_MONTHS,
      holidayCalendar: env.HOLIDAY_CALENDAR ?? null,
      holidayTypes: env.HOLIDAY_INCLUDE_OPTIONAL ? "public+optional" : "public",
      checkInOnHoliday: env.CHECKIN_ON_HOLIDAY,
      minGroupSize: env.MIN_GROUP_SIZE,
    },
    schedulerEnabled: env.SCHEDULER_ENABLED,
    instanceId: env.INSTANCE_ID ?? defaultInstanceId(env.PORT),
    deliveries: {
      slackPerSecond: env.DELIVERY_SLACK_RATE_PER_SEC,
      teamsPerSecond: env.DELIVERY_TEAMS_RATE_PER_SEC,
      concurrency: env.DELIVERY_CONCURRENCY,
      maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
    },
  };
}

/**
 * Without INSTANCE_ID: host name and port, which stay the same when a process restarts on its host (a container
 * keeps its host name across restarts) and differ between processes running at once. Port 0 (tests) listens on a
 * port chosen at random, so the identity is random too: nothing to hand back.
 */
function defaultInstanceId(port: number): string {
  return port === 0 ? `${hostname()}:${randomUUID()}` : `${hostname()}:${port}`;
}

function slackOAuth(env: ParsedEnv): NonNullable<Config["slack"]>["oauth"] {
  const { SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SLACK_TOKEN_ENCRYPTION_KEY } = env;
  if (!SLACK_CLIENT_ID || !SLACK_CLIENT_SECRET || !SLACK_STATE_SECRET || !SLACK_TOKEN_ENCRYPTION_KEY) return undefined;
  return {
    clientId: SLACK_CLIENT_ID,
    clientSecret: SLACK_CLIENT_SECRET,
    stateSecret: SLACK_STATE_SECRET,
    tokenEncryptionKey: Buffer.from(SLACK_TOKEN_ENCRYPTION_KEY, "base64"),
  };
}
