// TEMPORARY: kept only for the three Slack view listeners issue 13a rewrites (check-in, goal and 1:1 note
// submissions), which still import it from here. Delete this file when 13a is merged; everything else logs
// through logError/logWarning in src/shared/log-error.ts, whose safe fields never carry message text.
export { safeErrorFields } from "../../shared/log-error.ts";
