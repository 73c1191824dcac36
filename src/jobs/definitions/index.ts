// Every scheduled job the scheduler evaluates on each tick.
import type { JobDefinition } from "../job.ts";
import { checkInPromptsJob } from "./check-in-prompts.ts";
import { checkInRemindersJob } from "./check-in-reminders.ts";
import { checkInRetentionJob } from "./check-in-retention.ts";
import { housekeepingJob } from "./housekeeping.ts";
import { reviewManagerRequestsJob } from "./review-manager-requests.ts";
import { reviewNudgesJob } from "./review-nudges.ts";
import { oneOnOnePromptsJob } from "./one-on-one-prompts.ts";
import { teamSummariesJob } from "./team-summaries.ts";
import { pulseRoundsJob } from "./pulse-rounds.ts";

export {
  checkInPromptsJob,
  checkInRemindersJob,
  checkInRetentionJob,
  housekeepingJob,
  reviewManagerRequestsJob,
  reviewNudgesJob,
  oneOnOnePromptsJob,
  teamSummariesJob,
  pulseRoundsJob,
};

export const jobDefinitions: JobDefinition[] = [
  checkInPromptsJob,
  checkInRemindersJob,
  checkInRetentionJob,
  housekeepingJob,
  reviewManagerRequestsJob,
  reviewNudgesJob,
  oneOnOnePromptsJob,
  teamSummariesJob,
  pulseRoundsJob,
];
