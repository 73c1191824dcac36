-- The instance that holds a directory sync's lease, so that instance can hand its own stale claim back when it
-- restarts (crashed mid-sync) instead of leaving the day's sync blocked until the lease runs out.
ALTER TABLE "DirectorySyncRun" ADD COLUMN "leaseOwner" TEXT;
