// Teams can deliver the same activity twice. The first delivery inserts its key; a second one finds it taken
// and is skipped. If handling fails unexpectedly, the key is released so a redelivery can try again.
import { AppError, isUniqueViolation } from "../../../shared/errors.ts";
import type { DomainContext } from "../../../domain/context.ts";

export type ClaimOutcome<T> = { handled: true; result: T } | { handled: false };

export async function onceForActivity<T>(domain: DomainContext, key: string, work: () => Promise<T>): Promise<ClaimOutcome<T>> {
  try {
    await domain.prisma.processedEvent.create({ data: { key, createdAt: domain.clock.now() } });
  } catch (error) {
    if (isUniqueViolation(error)) return { handled: false };
    throw error;
  }
  try {
    return { handled: true, result: await work() };
  } catch (error) {
    if (!(error instanceof AppError)) await domain.prisma.processedEvent.deleteMany({ where: { key } }).catch(() => undefined);
    throw error;
  }
}
