/** The forms of /volgen: one zod schema each. Pure. */
import { z } from "zod";
import { consentRecipients } from "./vocabulary";
import { normaliseCaseCode } from "./codes";
import { normalisePassphrase } from "./passphrase";
import { consentLevels } from "./consent";
import { choice, emailAddress, freeText } from "./form-input";

export const MESSAGE_MAX = 5_000;
export const ADDITION_MAX = 20_000;

const code = (requiredKey: string, formatKey: string, normalise: (s: string) => string | null) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : ""),
    z.string().transform((v, ctx) => {
      if (v === "") {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: requiredKey });
        return z.NEVER;
      }
      const canonical = normalise(v);
      if (!canonical) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: formatKey });
        return z.NEVER;
      }
      return canonical;
    }),
  );

/**
 * Sign-in. An empty or impossible code or passphrase is said plainly (the format is no secret); a code and
 * passphrase that do not belong together get one message, whichever of the two is wrong.
 */
export const signInSchema = z.object({
  code: code("follow:signIn.errors.codeMissing", "follow:signIn.errors.codeFormat", normaliseCaseCode),
  passphrase: code(
    "follow:signIn.errors.passphraseMissing",
    "follow:signIn.errors.passphraseFormat",
    normalisePassphrase,
  ),
});

export const replySchema = z.object({
  message: freeText({ max: MESSAGE_MAX, requiredKey: "follow:case.reply.errors.missing" }),
});

export const additionSchema = z.object({
  addition: freeText({ max: ADDITION_MAX, requiredKey: "follow:addition.errors.missing" }),
});

export const consentSchema = z.object(
  Object.fromEntries(
    consentRecipients.map((r) => [r, choice(consentLevels, "follow:consent.errors.choose")]),
  ) as Record<(typeof consentRecipients)[number], ReturnType<typeof choice<typeof consentLevels>>>,
);

export const notifyEmailSchema = z.object({
  email: emailAddress({ requiredKey: "follow:news.errors.missing" }),
});
