/**
 * The staff forms' rules, as zod schemas that give message keys (from the staff locale) instead of text,
 * so the server can answer in the reader's language. Pure: routes translate the keys.
 */
import { z } from "zod";
import { hasControlChars } from "./form-input";
import { messageRoles } from "./case-clocks";
import { linkChoices } from "./case-links";
import { staffStatuses } from "./case-status";
import { intakeKinds } from "./intake/answers";
import { entryChannels } from "./new-case";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 100;
export const TEXT_MAX = 5000;

// Control characters other than tab and newlines cannot be shown or stored safely.

const text = (requiredKey: string, max = TEXT_MAX) =>
  z
    .string({ required_error: requiredKey, invalid_type_error: requiredKey })
    .transform((v) => v.replace(/\r\n/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, requiredKey)
        .max(max, "errors.tooLong")
        .refine((v) => !hasControlChars(v), "errors.controlChars"),
    );

const email = z
  .string({ required_error: "errors.emailRequired" })
  .trim()
  .min(1, "errors.emailRequired")
  .max(254, "errors.emailInvalid")
  .email("errors.emailInvalid");

/** A new password, typed twice: the same rules wherever one is chosen (new account, change, reset). */
const newPassword = {
  password: z
    .string({ required_error: "errors.passwordRequired" })
    .min(1, "errors.passwordRequired")
    .min(PASSWORD_MIN, "errors.passwordShort")
    .max(PASSWORD_MAX, "errors.passwordLong"),
  passwordAgain: z
    .string({ required_error: "errors.passwordAgainRequired" })
    .min(1, "errors.passwordAgainRequired"),
};
const sameTwice = (v: { password: string; passwordAgain: string }) =>
  v.password === v.passwordAgain || v.passwordAgain === "";
const mismatch = { path: ["passwordAgain"], message: "errors.passwordMismatch" };

export const accountSchema = z
  .object({
    name: text("errors.nameRequired", NAME_MAX),
    email,
    ...newPassword,
    code: z
      .string({ required_error: "errors.codeRequired" })
      .transform((v) => v.replace(/\s+/g, ""))
      .pipe(
        z
          .string()
          .min(1, "errors.codeRequired")
          .regex(/^\d{6}$/, "errors.codeFormat"),
      ),
  })
  .refine(sameTwice, mismatch);

/** The password someone has now, when they are signed in and about to change something. */
const currentPassword = z
  .string({ required_error: "errors.currentPasswordRequired" })
  .min(1, "errors.currentPasswordRequired")
  .max(PASSWORD_MAX, "errors.currentPasswordWrong");

export const passwordChangeSchema = z
  .object({ currentPassword, ...newPassword })
  .refine(sameTwice, mismatch)
  .refine((v) => v.password !== v.currentPassword, {
    path: ["password"],
    message: "errors.passwordUnchanged",
  });

export const passwordResetSchema = z.object(newPassword).refine(sameTwice, mismatch);

export const signInSchema = z.object({
  email: z
    .string({ required_error: "errors.emailRequired" })
    .trim()
    .min(1, "errors.emailRequired")
    .max(254, "errors.signInFailed"),
  password: z
    .string({ required_error: "errors.passwordRequired" })
    .min(1, "errors.passwordRequired")
    .max(PASSWORD_MAX, "errors.signInFailed"),
  /** Asked together with the password only while sign-in is locked. */
  code: z
    .string()
    .trim()
    .max(40, "errors.signInFailed")
    .optional()
    .transform((v) => v || undefined),
});

export const codeSchema = z.object({
  code: z
    .string({ required_error: "errors.codeRequired" })
    .trim()
    .min(1, "errors.codeRequired")
    .max(40, "errors.codeWrong"),
});

export const recoveryRenewSchema = z.object({
  currentPassword,
  code: z
    .string({ required_error: "errors.codeRequired" })
    .trim()
    .min(1, "errors.codeRequired")
    .max(40, "errors.codeWrong"),
});

/** The id of a row a form names (a tag, a link): a positive whole number, else the form is not ours. */
const rowId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const caseActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("assign"),
    assignee: z
      .string({ required_error: "errors.assigneeRequired" })
      .regex(/^(me|nobody|[1-9]\d{0,14})$/, "errors.assigneeRequired")
      .transform((v) => (v === "me" || v === "nobody" ? v : Number(v))),
  }),
  z.object({
    intent: z.literal("status"),
    status: z.enum(
      staffStatuses.filter((s) => s !== "closed") as ["acknowledged", "in_progress", "waiting"],
      {
        errorMap: () => ({ message: "errors.statusRequired" }),
      },
    ),
  }),
  z.object({
    intent: z.literal("close"),
    outcome: text("errors.outcomeRequired"),
    confirmClose: z.literal("yes", { errorMap: () => ({ message: "errors.confirmClose" }) }),
    /** Sent by the second step of closing while a referral is open (the server asked first). */
    confirmOpenReferral: z.literal("yes").optional(),
    /** Closed as the duplicate it is linked as (ADR 041). */
    asDuplicate: z.literal("yes").optional(),
  }),
  z.object({ intent: z.literal("reopen"), reason: text("errors.reopenReasonRequired") }),
  z.object({ intent: z.literal("note"), note: text("errors.noteRequired") }),
  z.object({
    intent: z.literal("message"),
    message: text("errors.messageRequired"),
    /** What the message is (ADR 039); a form without the choice sends an ordinary message. */
    messageRole: z
      .enum(messageRoles, { errorMap: () => ({ message: "errors.messageRoleRequired" }) })
      .default("other"),
  }),
  z.object({
    intent: z.literal("milestone"),
    milestone: z.enum(["acknowledged", "answered"], {
      errorMap: () => ({ message: "errors.milestoneRequired" }),
    }),
  }),
  /** The date and reason are checked by parseFollowUp (app/domain/case-clocks.ts), which needs the day. */
  z.object({
    intent: z.literal("followUp"),
    followUpDate: z.string().default(""),
    followUpReason: z.string().default(""),
  }),
  z.object({ intent: z.literal("followUpDone") }),
  z.object({ intent: z.literal("urgent"), urgent: z.enum(["yes", "no"]) }),
  /** The tag is normalised and checked by normaliseTag (app/domain/case-tags.ts). */
  z.object({ intent: z.literal("tag"), tag: z.string().default("") }),
  z.object({ intent: z.literal("untag"), tagId: rowId }),
  z.object({
    intent: z.literal("link"),
    linkCode: z
      .string({ required_error: "errors.link.codeRequired" })
      .trim()
      .min(1, "errors.link.codeRequired")
      .max(40, "errors.link.unknownCode"),
    linkKind: z.enum(linkChoices, { errorMap: () => ({ message: "errors.link.kindRequired" }) }),
  }),
  z.object({ intent: z.literal("unlink"), linkId: rowId }),
]);
export type CaseAction = z.infer<typeof caseActionSchema>;

/** Starting an intake on someone's behalf (ADR 040): which form, how they reached us, and their yes. */
export const caseEntrySchema = z.object({
  kind: z.enum(intakeKinds, { errorMap: () => ({ message: "errors.entryKindRequired" }) }),
  channel: z.enum(entryChannels, { errorMap: () => ({ message: "errors.entryChannelRequired" }) }),
  agreed: z.literal("yes", { errorMap: () => ({ message: "errors.entryAgreedRequired" }) }),
});
