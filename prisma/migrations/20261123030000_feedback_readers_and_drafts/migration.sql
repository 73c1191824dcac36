-- Private feedback: the one other reader fixed at send time, and short-lived drafts behind the chat preview.

-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN "sharedWithId" TEXT;
ALTER TABLE "FeedbackRequest" ADD COLUMN "sharedWithId" TEXT;

-- CreateTable
CREATE TABLE "FeedbackDraft" (
    "id" TEXT NOT NULL,
    "giverId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "FeedbackDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Feedback_sharedWithId_createdAt_idx" ON "Feedback"("sharedWithId", "createdAt");
CREATE INDEX "FeedbackDraft_expiresAt_idx" ON "FeedbackDraft"("expiresAt");
