-- Goals, private feedback, 1:1s, review cycles and announcements; retention and explicit time zones.

-- AlterTable
ALTER TABLE "Person" ADD COLUMN "timeZoneExplicit" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "CheckIn" ADD COLUMN "redactedAt" TIMESTAMP(3);

-- CreateEnum
CREATE TYPE "GoalLevel" AS ENUM ('company', 'team', 'person');
CREATE TYPE "GoalStatus" AS ENUM ('on_track', 'at_risk', 'off_track', 'done');
CREATE TYPE "GoalMeasure" AS ENUM ('percent', 'number');
CREATE TYPE "FeedbackAudience" AS ENUM ('recipient', 'recipient_and_manager');
CREATE TYPE "FeedbackAskStatus" AS ENUM ('pending', 'answered', 'declined');
CREATE TYPE "ReviewCycleStatus" AS ENUM ('draft', 'active', 'closed');
CREATE TYPE "ReviewKind" AS ENUM ('self', 'manager');
CREATE TYPE "ReviewStatus" AS ENUM ('pending', 'draft', 'submitted');

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL,
    "level" "GoalLevel" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "measure" "GoalMeasure" NOT NULL DEFAULT 'percent',
    "startValue" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "targetValue" DOUBLE PRECISION NOT NULL DEFAULT 100,
    "currentValue" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "dueDate" TEXT NOT NULL,
    "status" "GoalStatus" NOT NULL DEFAULT 'on_track',
    "parentId" TEXT,
    "lastUpdateAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "GoalUpdate" (
    "id" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "authorId" TEXT,
    "value" DOUBLE PRECISION NOT NULL,
    "status" "GoalStatus" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GoalUpdate_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "giverId" TEXT,
    "recipientId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "audience" "FeedbackAudience" NOT NULL DEFAULT 'recipient',
    "askId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "FeedbackRequest" (
    "id" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "audience" "FeedbackAudience" NOT NULL DEFAULT 'recipient',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FeedbackRequest_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "FeedbackAsk" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "askedId" TEXT NOT NULL,
    "status" "FeedbackAskStatus" NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FeedbackAsk_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OneOnOne" (
    "id" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "time" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "OneOnOne_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OneOnOneNote" (
    "id" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    CONSTRAINT "OneOnOneNote_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OneOnOneDone" (
    "id" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OneOnOneDone_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ReviewCycle" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "status" "ReviewCycleStatus" NOT NULL DEFAULT 'draft',
    "participants" JSONB NOT NULL,
    "selfDueDate" TEXT NOT NULL,
    "managerDueDate" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "launchedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    CONSTRAINT "ReviewCycle_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'pending',
    "answers" JSONB,
    "submittedAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Announcement" (
    "id" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "withAck" BOOLEAN NOT NULL DEFAULT false,
    "cycleId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AnnouncementTarget" (
    "id" TEXT NOT NULL,
    "announcementId" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "channel" TEXT NOT NULL,
    CONSTRAINT "AnnouncementTarget_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AnnouncementAck" (
    "id" TEXT NOT NULL,
    "announcementId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AnnouncementAck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Goal_ownerId_idx" ON "Goal"("ownerId");
CREATE INDEX "Goal_parentId_idx" ON "Goal"("parentId");
CREATE INDEX "GoalUpdate_goalId_createdAt_idx" ON "GoalUpdate"("goalId", "createdAt");
CREATE UNIQUE INDEX "Feedback_requestKey_key" ON "Feedback"("requestKey");
CREATE UNIQUE INDEX "Feedback_askId_key" ON "Feedback"("askId");
CREATE INDEX "Feedback_recipientId_createdAt_idx" ON "Feedback"("recipientId", "createdAt");
CREATE INDEX "Feedback_giverId_idx" ON "Feedback"("giverId");
CREATE UNIQUE INDEX "FeedbackRequest_requestKey_key" ON "FeedbackRequest"("requestKey");
CREATE INDEX "FeedbackRequest_subjectId_idx" ON "FeedbackRequest"("subjectId");
CREATE UNIQUE INDEX "FeedbackAsk_requestId_askedId_key" ON "FeedbackAsk"("requestId", "askedId");
CREATE INDEX "FeedbackAsk_askedId_idx" ON "FeedbackAsk"("askedId");
CREATE UNIQUE INDEX "OneOnOne_managerId_reportId_key" ON "OneOnOne"("managerId", "reportId");
CREATE INDEX "OneOnOneNote_managerId_reportId_idx" ON "OneOnOneNote"("managerId", "reportId");
CREATE UNIQUE INDEX "OneOnOneDone_managerId_reportId_periodKey_key" ON "OneOnOneDone"("managerId", "reportId", "periodKey");
CREATE INDEX "ReviewCycle_status_idx" ON "ReviewCycle"("status");
CREATE UNIQUE INDEX "Review_cycleId_subjectId_kind_key" ON "Review"("cycleId", "subjectId", "kind");
CREATE INDEX "Review_authorId_idx" ON "Review"("authorId");
CREATE UNIQUE INDEX "Announcement_requestKey_key" ON "Announcement"("requestKey");
CREATE UNIQUE INDEX "AnnouncementTarget_announcementId_platform_channel_key" ON "AnnouncementTarget"("announcementId", "platform", "channel");
CREATE UNIQUE INDEX "AnnouncementAck_announcementId_personId_key" ON "AnnouncementAck"("announcementId", "personId");

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Goal"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "GoalUpdate" ADD CONSTRAINT "GoalUpdate_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_giverId_fkey" FOREIGN KEY ("giverId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_askId_fkey" FOREIGN KEY ("askId") REFERENCES "FeedbackAsk"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "FeedbackAsk" ADD CONSTRAINT "FeedbackAsk_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "FeedbackRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Review" ADD CONSTRAINT "Review_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Review" ADD CONSTRAINT "Review_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Review" ADD CONSTRAINT "Review_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AnnouncementTarget" ADD CONSTRAINT "AnnouncementTarget_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AnnouncementAck" ADD CONSTRAINT "AnnouncementAck_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
