// Bulk upsert of people from HR data (the CSV import, and later a file shared in chat). All-or-nothing: every
// problem in the file is reported with its line, and if there is any, nothing is written. People who are not in
// the file are left exactly as they are (never deactivated): HR files are often partial.
import { randomUUID } from "node:crypto";
import { AppError, isUniqueViolation } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import type { Role } from "./person.ts";
import { chunks, insertPeople, updatePeople, type PersonState } from "./import-people-writes.ts";
import { PersonImportRowSchema, type PersonImportRow, type ValidPersonImportRow } from "./people.schemas.ts";

export interface ImportError {
  line: number;
  message: string;
}

export interface ImportProgress {
  /** "checked": rows validated; "saved": writes done (a new person with a manager is two: create, then link). */
  stage: "checked" | "saved";
  done: number;
  total: number;
}

export interface ImportPeopleOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Recorded on the audit event ("cli", or the acting admin's person id). */
  actor?: string;
  /** Rows the caller already rejected (e.g. a CSV line with the wrong number of fields): reported with the rest. */
  rejected?: ImportError[];
}

export interface ImportPeopleResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Sorted by line. When not empty, nothing was imported. */
  errors: ImportError[];
}

/** Someone already in Momentum, as the import compares them with the file's row. */
type ExistingPerson = Omit<PersonState, "timeZoneExplicit">;

const PROGRESS_EVERY = 1000;
const WRITE_CHUNK = PROGRESS_EVERY;
// 10,000 people are written in a few seconds; the margin covers a slow disk or a busy PostgreSQL.
const TRANSACTION_TIMEOUT_MS = 5 * 60_000;

export async function importPeople(
  ctx: DomainContext,
  rows: PersonImportRow[],
  options: ImportPeopleOptions = {},
): Promise<ImportPeopleResult> {
  // Small files finish too fast for progress to mean anything; large ones report every PROGRESS_EVERY.
  // Writes go in chunks of WRITE_CHUNK (= PROGRESS_EVERY), so every chunk is reported.
  const report = (stage: ImportProgress["stage"], done: number, total: number) => {
    if (total < PROGRESS_EVERY) return;
    if (stage === "saved" || done % PROGRESS_EVERY === 0 || done === total)
      options.onProgress?.({ stage, done, total });
  };
  const errors: ImportError[] = [...(options.rejected ?? [])];
  const valid = new Map<string, ValidPersonImportRow>();
  // People whose own row was rejected are still "in the file": their reports get no second, misleading error.
  const rejectedEmails = new Set<string>();
  rows.forEach((row, index) => {
    const parsed = PersonImportRowSchema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ line: row.line, message: issue.message });
      rejectedEmails.add(
        String(row.email ?? "")
          .trim()
          .toLowerCase(),
      );
    } else {
      const first = valid.get(parsed.data.email);
      if (first) errors.push({ line: row.line, message: `email ${parsed.data.email} is also on line ${first.line}` });
      else valid.set(parsed.data.email, parsed.data);
    }
    report("checked", index + 1, rows.length);
  });

  try {
    return await ctx.prisma.$transaction(
      async (tx) => {
        // One read of everyone: manager checks and cycle detection need the whole reporting graph.
        const existing = await tx.person.findMany({
          select: {
            id: true,
            email: true,
            name: true,
            timeZone: true,
            role: true,
            managerId: true,
            holidayCalendar: true,
          },
        });
        const byEmail = new Map(existing.map((person) => [person.email, person]));
        errors.push(...checkManagers(valid, byEmail, rejectedEmails), ...findCycles(valid, existing, byEmail));
        if (errors.length > 0) {
          return { created: 0, updated: 0, unchanged: 0, errors: errors.sort((a, b) => a.line - b.line) };
        }
        const plan = planChanges(ctx, valid, byEmail);
        // Everyone is created without a manager first; managers are linked once every person exists.
        const links = plan.creates.filter((person) => person.managerId !== null);
        const total = plan.creates.length + plan.updates.length + links.length;
        let saved = 0;
        for (const chunk of chunks(plan.creates, WRITE_CHUNK)) {
          await insertPeople(tx, chunk, ctx.clock.now());
          report("saved", (saved += chunk.length), total);
        }
        for (const chunk of chunks([...plan.updates, ...links], WRITE_CHUNK)) {
          await updatePeople(tx, chunk, ctx.clock.now());
          report("saved", (saved += chunk.length), total);
        }
        const result = {
          created: plan.creates.length,
          updated: plan.updates.length,
          unchanged: plan.unchanged,
          errors: [],
        };
        if (total > 0) {
          await tx.auditEvent.create({
            data: {
              createdAt: ctx.clock.now(),
              actor: options.actor ?? "cli",
              action: "people.import",
              detail: { created: result.created, updated: result.updated, unchanged: result.unchanged },
            },
          });
        }
        return result;
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "CONFLICT",
        "Someone joined Momentum while the import was running, so nothing was imported. Please run the import again.",
      );
    }
    throw error;
  }
}

/** A manager must be in the file or already in Momentum. */
function checkManagers(
  valid: Map<string, ValidPersonImportRow>,
  byEmail: Map<string, ExistingPerson>,
  rejected: Set<string>,
): ImportError[] {
  const errors: ImportError[] = [];
  for (const row of valid.values()) {
    const manager = row.managerEmail;
    if (manager && !valid.has(manager) && !byEmail.has(manager) && !rejected.has(manager)) {
      errors.push({
        line: row.line,
        message: `manager_email ${row.managerEmail} is neither in the file nor in Momentum`,
      });
    }
  }
  return errors;
}

/**
 * Follows each person's manager chain in the graph as it would be after the import (file rows over the
 * database) and reports every loop once, naming its people. Each person is walked at most once.
 */
function findCycles(
  valid: Map<string, ValidPersonImportRow>,
  existing: ExistingPerson[],
  byEmail: Map<string, ExistingPerson>,
): ImportError[] {
  const emailById = new Map(existing.map((person) => [person.id, person.email]));
  const managerOf = (email: string): string | null => {
    const row = valid.get(email);
    if (row && row.managerEmail !== undefined) return row.managerEmail;
    const managerId = byEmail.get(email)?.managerId;
    return managerId ? (emailById.get(managerId) ?? null) : null;
  };
  const state = new Map<string, "walking" | "done">();
  const errors: ImportError[] = [];
  for (const start of valid.keys()) {
    const path: string[] = [];
    let current: string | null = start;
    while (current !== null && !state.has(current)) {
      state.set(current, "walking");
      path.push(current);
      current = managerOf(current);
    }
    if (current !== null && state.get(current) === "walking") {
      const loop = path.slice(path.indexOf(current));
      const lines = loop.map((email) => valid.get(email)?.line ?? Infinity);
      const line = Math.min(...lines, valid.get(start)!.line);
      const names = [...loop, loop[0]].map((email) => describe(email, valid, byEmail)).join(" → ");
      errors.push({ line, message: `manager cycle: ${names}` });
    }
    for (const email of path) state.set(email, "done");
  }
  return errors;
}

function describe(
  email: string,
  valid: Map<string, ValidPersonImportRow>,
  byEmail: Map<string, ExistingPerson>,
): string {
  const row = valid.get(email);
  return row
    ? `${row.name} <${email}> (line ${row.line})`
    : `${byEmail.get(email)?.name ?? email} <${email}> (already in Momentum)`;
}

interface ImportPlan {
  creates: PersonState[];
  updates: PersonState[];
  unchanged: number;
}

function planChanges(
  ctx: DomainContext,
  valid: Map<string, ValidPersonImportRow>,
  byEmail: Map<string, ExistingPerson>,
): ImportPlan {
  const ids = new Map<string, string>([...byEmail.values()].map((person) => [person.email, person.id]));
  for (const email of valid.keys()) if (!ids.has(email)) ids.set(email, randomUUID());
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0 };
  for (const row of valid.values()) {
    const current = byEmail.get(row.email);
    const managerId =
      row.managerEmail === undefined
        ? (current?.managerId ?? null)
        : row.managerEmail
          ? ids.get(row.managerEmail)!
          : null;
    if (!current) {
      const role: Role = row.role ?? (ctx.adminEmails.includes(row.email) ? "admin" : "employee");
      plan.creates.push({
        id: ids.get(row.email)!,
        email: row.email,
        name: row.name,
        timeZone: row.timeZone ?? ctx.org.defaultTimeZone,
        role,
        managerId,
        holidayCalendar: row.holidayCalendar ?? null,
        timeZoneExplicit: Boolean(row.timeZone),
      });
      continue;
    }
    const next: PersonState = {
      id: current.id,
      email: current.email,
      name: row.name,
      timeZone: row.timeZone ?? current.timeZone,
      role: row.role ?? current.role,
      managerId,
      // Empty country/region cells keep the calendar the person has (HR files are often partial).
      holidayCalendar: row.holidayCalendar ?? current.holidayCalendar,
      timeZoneExplicit: Boolean(row.timeZone),
    };
    const same =
      next.name === current.name &&
      next.timeZone === current.timeZone &&
      next.role === current.role &&
      next.managerId === current.managerId &&
      next.holidayCalendar === current.holidayCalendar;
    if (same) plan.unchanged += 1;
    else plan.updates.push(next);
  }
  return plan;
}
