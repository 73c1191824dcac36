-- CreateEnum
CREATE TYPE "Role" AS ENUM ('employee', 'manager', 'hr', 'admin');
CREATE TYPE "Platform" AS ENUM ('slack', 'teams');
CREATE TYPE "Visibility" AS ENUM ('public', 'private');
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'employee',
    "managerId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "preferredPlatform" "Platform",
    "awayUntil" TEXT,
    "checkInWeekday" INTEGER,
    "checkInTime" TEXT,
    "workdayStart" TEXT,
    "workdayEnd" TEXT,
    "teamCheckInWeekday" INTEGER,
    "teamCheckInTime" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SlackIdentity" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dmChannel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SlackIdentity_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TeamsIdentity" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "teamsUserId" TEXT NOT NULL,
    "conversationReference" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "TeamsIdentity_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TeamsChannel" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "conversationReference" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "TeamsChannel_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ProcessedEvent" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "Kudos" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "giverId" TEXT,
    "recipientId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "value" TEXT,
    "visibility" "Visibility" NOT NULL DEFAULT 'public',
    "platform" "Platform" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Kudos_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "mood" INTEGER NOT NULL,
    "progress" TEXT NOT NULL,
    "plans" TEXT NOT NULL,
    "blockers" TEXT,
    "forManager" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" TEXT,
    "target" JSONB,
    "message" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "respectQuietHours" BOOLEAN NOT NULL DEFAULT false,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "platformMessageId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RateBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "RateBucket_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");
CREATE INDEX "Person_managerId_idx" ON "Person"("managerId");
CREATE UNIQUE INDEX "SlackIdentity_teamId_userId_key" ON "SlackIdentity"("teamId", "userId");
CREATE INDEX "SlackIdentity_personId_idx" ON "SlackIdentity"("personId");
CREATE UNIQUE INDEX "TeamsIdentity_tenantId_aadObjectId_key" ON "TeamsIdentity"("tenantId", "aadObjectId");
CREATE INDEX "TeamsIdentity_personId_idx" ON "TeamsIdentity"("personId");
CREATE UNIQUE INDEX "TeamsChannel_conversationId_key" ON "TeamsChannel"("conversationId");
CREATE INDEX "ProcessedEvent_createdAt_idx" ON "ProcessedEvent"("createdAt");
CREATE UNIQUE INDEX "Kudos_requestKey_recipientId_key" ON "Kudos"("requestKey", "recipientId");
CREATE INDEX "Kudos_recipientId_createdAt_idx" ON "Kudos"("recipientId", "createdAt");
CREATE INDEX "Kudos_giverId_createdAt_idx" ON "Kudos"("giverId", "createdAt");
CREATE INDEX "Kudos_createdAt_idx" ON "Kudos"("createdAt");
CREATE UNIQUE INDEX "CheckIn_personId_periodKey_key" ON "CheckIn"("personId", "periodKey");
CREATE INDEX "CheckIn_periodKey_idx" ON "CheckIn"("periodKey");
CREATE UNIQUE INDEX "Delivery_key_key" ON "Delivery"("key");
CREATE INDEX "Delivery_status_notBefore_idx" ON "Delivery"("status", "notBefore");
CREATE INDEX "Delivery_personId_idx" ON "Delivery"("personId");
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SlackIdentity" ADD CONSTRAINT "SlackIdentity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TeamsIdentity" ADD CONSTRAINT "TeamsIdentity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Kudos" ADD CONSTRAINT "Kudos_giverId_fkey" FOREIGN KEY ("giverId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Kudos" ADD CONSTRAINT "Kudos_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
