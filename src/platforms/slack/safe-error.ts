// What we log about an unexpected error: its kind and the first line of its message. Prisma validation errors
// print the call's arguments on later lines, and those can hold a kudos text.
export function safeErrorFields(error: unknown): { name: string; code?: string; message: string } {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? (error.message.split("\n").find((line) => line.trim()) ?? "").slice(0, 200) : "";
  return { name, ...(typeof code === "string" ? { code } : {}), message };
}
