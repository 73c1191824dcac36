-- Holiday calendars (a person's own, and a manager's for their team) and company closure days.

-- AlterTable
ALTER TABLE "Person" ADD COLUMN "holidayCalendar" TEXT;
ALTER TABLE "Person" ADD COLUMN "teamHolidayCalendar" TEXT;

-- CreateTable
CREATE TABLE "Closure" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "teamManagerId" TEXT,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Closure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Closure_scope_startDate_endDate_key" ON "Closure"("scope", "startDate", "endDate");
CREATE INDEX "Closure_endDate_idx" ON "Closure"("endDate");

-- AddForeignKey
ALTER TABLE "Closure" ADD CONSTRAINT "Closure_teamManagerId_fkey" FOREIGN KEY ("teamManagerId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
