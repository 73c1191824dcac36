// The one schema every free-text field starts from, on both platforms: text Momentum cannot store or show safely
// (a NUL byte, which PostgreSQL refuses, other invisible control characters, half of a UTF-16 surrogate pair) is
// refused with a message the person can act on, under the field it came from; the rest is NFC-normalised so the
// same words typed on two keyboards are stored the same.
import { z } from "zod";

/** C0 and C1 controls and DEL, except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole job
const DISALLOWED_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT =
  "This text contains an invisible control character or a broken symbol Momentum can't store. Please retype it.";

export function isStorableText(text: string): boolean {
  return !DISALLOWED_CONTROL.test(text) && !LONE_SURROGATE.test(text);
}

/**
 * A free-text field: refuses unstorable text, normalises to NFC, then applies the field's own rules (`rules`, e.g.
 * `z.string().trim().min(1, …).max(…)`). `notText` is the message when the value is not a string at all.
 */
export function freeText<T extends z.ZodType<unknown, string>>(rules: T, notText?: string) {
  return z
    .string(notText === undefined ? undefined : { error: notText })
    .refine(isStorableText, { message: UNSTORABLE_TEXT, abort: true })
    .transform((text) => text.normalize("NFC"))
    .pipe(rules);
}
