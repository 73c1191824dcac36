-- Pulse surveys: surveys, their rounds, who has answered a round, and the answers with no link to anyone.
-- PulseAnswer deliberately has no person column, no timestamp and nothing derived from the person.

-- CreateTable
CREATE TABLE "PulseSurvey" (
    "id" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "audience" JSONB NOT NULL,
    "cadence" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "time" TEXT NOT NULL,
    "openDays" INTEGER NOT NULL,
    "firstDate" TEXT NOT NULL,
    "shareResults" BOOLEAN NOT NULL,
    "stoppedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "PulseSurvey_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PulseRound" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "localDate" TEXT NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "PulseRound_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PulseParticipation" (
    "roundId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    CONSTRAINT "PulseParticipation_pkey" PRIMARY KEY ("roundId", "personId")
);

CREATE TABLE "PulseAnswer" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "teamId" TEXT,
    "scores" JSONB NOT NULL,
    "comment" TEXT,
    "tokenHash" TEXT NOT NULL,
    CONSTRAINT "PulseAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PulseSurvey_requestKey_key" ON "PulseSurvey"("requestKey");
CREATE UNIQUE INDEX "PulseRound_surveyId_number_key" ON "PulseRound"("surveyId", "number");
CREATE INDEX "PulseRound_closedAt_idx" ON "PulseRound"("closedAt");
CREATE UNIQUE INDEX "PulseAnswer_tokenHash_key" ON "PulseAnswer"("tokenHash");
CREATE INDEX "PulseAnswer_roundId_teamId_idx" ON "PulseAnswer"("roundId", "teamId");

-- AddForeignKey
ALTER TABLE "PulseRound" ADD CONSTRAINT "PulseRound_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "PulseSurvey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
