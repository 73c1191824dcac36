// Every scheduled job the scheduler evaluates on each tick.
import type { JobDefinition } from "../job.ts";
import { checkInPromptsJob } from "./check-in-prompts.ts";
import { checkInRemindersJob } from "./check-in-reminders.ts";
import { checkInRetentionJob } from "./check-in-retention.ts";

export { checkInPromptsJob, checkInRemindersJob, checkInRetentionJob };

export const jobDefinitions: JobDefinition[] = [checkInPromptsJob, checkInRemindersJob, checkInRetentionJob];
