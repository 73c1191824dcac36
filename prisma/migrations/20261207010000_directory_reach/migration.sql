-- Reach everyone HR imported: Slack accounts found deleted, reachability per person and platform, the Teams
-- teams Momentum was added to (for roster reads), and the once-a-day claim of a directory sync.

-- AlterTable
ALTER TABLE "SlackIdentity" ADD COLUMN "deactivatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Reachability" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "reachable" BOOLEAN NOT NULL,
    "reason" TEXT,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Reachability_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TeamsTeam" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "conversationReference" JSONB NOT NULL,
    "removedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "TeamsTeam_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "DirectorySyncRun" (
    "key" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "DirectorySyncRun_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Reachability_personId_platform_key" ON "Reachability"("personId", "platform");
CREATE INDEX "Reachability_platform_reachable_idx" ON "Reachability"("platform", "reachable");
CREATE UNIQUE INDEX "TeamsTeam_teamId_key" ON "TeamsTeam"("teamId");

-- AddForeignKey
ALTER TABLE "Reachability" ADD CONSTRAINT "Reachability_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
