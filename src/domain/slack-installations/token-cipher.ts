// Bot tokens at rest: AES-256-GCM with the key from SLACK_TOKEN_ENCRYPTION_KEY and a fresh random IV per token.
// Stored as "v1:<iv>:<tag>:<ciphertext>" (base64), so a changed key or a tampered row fails loudly, never silently.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../../shared/errors.ts";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;

export function encryptToken(key: Buffer, token: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const encrypted = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), encrypted]
    .map((part) => (typeof part === "string" ? part : part.toString("base64")))
    .join(":");
}

export function decryptToken(key: Buffer, stored: string): string {
  const [version, iv, tag, encrypted] = stored.split(":");
  if (version !== "v1" || !iv || !tag || !encrypted)
    throw new AppError("UNAVAILABLE", "A stored Slack installation is unreadable.", "unknown token format");
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(encrypted, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError(
      "UNAVAILABLE",
      "A stored Slack installation is unreadable.",
      "token decryption failed: SLACK_TOKEN_ENCRYPTION_KEY differs from the one it was stored with",
    );
  }
}
