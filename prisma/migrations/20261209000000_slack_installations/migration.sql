-- Slack OAuth installs (several workspaces, Enterprise Grid): one installation per workspace or per Grid org, its
-- bot token encrypted at rest (AES-256-GCM, key from SLACK_TOKEN_ENCRYPTION_KEY). `key` is "team:<T…>" or
-- "enterprise:<E…>" (org-wide install), so an installation is found and replaced by one unique look-up.
CREATE TABLE "SlackInstallation" (
    "key" TEXT NOT NULL,
    "teamId" TEXT,
    "enterpriseId" TEXT,
    "isEnterpriseInstall" BOOLEAN NOT NULL,
    "appId" TEXT,
    "botTokenEncrypted" TEXT NOT NULL,
    "botUserId" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "installerUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SlackInstallation_pkey" PRIMARY KEY ("key")
);

-- Workspaces of a Grid org seen through an org-wide install: the outbox reaches their people with the org's token.
CREATE TABLE "SlackWorkspace" (
    "teamId" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SlackWorkspace_pkey" PRIMARY KEY ("teamId")
);

CREATE INDEX "SlackWorkspace_enterpriseId_idx" ON "SlackWorkspace"("enterpriseId");
