-- Every instant the logic compares is written by the code from its injected clock (issue 10): a database
-- default of the server's now() made queued rows look "not yet due" to a test clock and hid scheduling bugs.

ALTER TABLE "Person" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "SlackIdentity" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "TeamsIdentity" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "TeamsChannel" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "ProcessedEvent" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "Kudos" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "CheckIn" ALTER COLUMN "submittedAt" DROP DEFAULT;
ALTER TABLE "Delivery" ALTER COLUMN "notBefore" DROP DEFAULT;
ALTER TABLE "Delivery" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "AuditEvent" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "Goal" ALTER COLUMN "lastUpdateAt" DROP DEFAULT;
ALTER TABLE "Goal" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "GoalUpdate" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "Feedback" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "FeedbackRequest" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "FeedbackAsk" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "OneOnOne" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "OneOnOneNote" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "OneOnOneDone" ALTER COLUMN "doneAt" DROP DEFAULT;
ALTER TABLE "ReviewCycle" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "Review" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "Announcement" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "AnnouncementAck" ALTER COLUMN "createdAt" DROP DEFAULT;
ALTER TABLE "FeedbackDraft" ALTER COLUMN "createdAt" DROP DEFAULT;
