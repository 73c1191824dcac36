// Input of the privacy operations (subject-access export, erasure). The actor is who ran it (the CLI passes "cli"):
// it goes into the audit log, the subject's email never does once they are erased.
import { z } from "zod";

export const PrivacySubjectInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(
      z.email({
        error: (issue) => `${JSON.stringify(String(issue.input ?? "").slice(0, 80))} is not a valid email address`,
      }),
    ),
  actor: z.string().trim().min(1).max(200),
});

export type PrivacySubjectOptions = z.input<typeof PrivacySubjectInput>;
