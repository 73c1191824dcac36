// Slack wants an interaction acknowledged within 3 s. A modal submission works up to its budget before answering,
// so a refusal can still show inline; past the budget it acknowledges and the work carries on.

/** The outcome if it arrives within `ms`, else undefined (the work carries on). */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
