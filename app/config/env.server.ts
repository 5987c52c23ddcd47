/**
 * Configuration, validated once at start. A bad value stops the server with a message that names it.
 * In development, missing secrets are generated once into the data folder (mode 0600); in production
 * they must come from the environment.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { z } from "zod";
import { operatorDefaults, toOperator } from "./operator";

const MIN_SECRET_BYTES = 32;

const line = (max: number) => z.string().trim().min(1).max(max);

/** Who runs the service (app/config/operator.ts). */
const operatorEnvSchema = z.object({
  OPERATOR_NAME: line(120).default(operatorDefaults.OPERATOR_NAME),
  OPERATOR_ADDRESS: line(200).default(operatorDefaults.OPERATOR_ADDRESS),
  OPERATOR_PHONE: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{5,18}[0-9]$/, "a phone number: digits, spaces and dashes, e.g. 030 123 4567")
    .default(operatorDefaults.OPERATOR_PHONE),
  OPERATOR_HOURS: z
    .string()
    .trim()
    .regex(
      /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/,
      "opening hours as HH:MM-HH:MM, e.g. 09:00-17:00",
    )
    .default(operatorDefaults.OPERATOR_HOURS),
  OPERATOR_EMAIL: z.string().trim().email("an email address").default(operatorDefaults.OPERATOR_EMAIL),
  OPERATOR_SIGNATURE: line(80).default(operatorDefaults.OPERATOR_SIGNATURE),
});

/** A secret: at least 32 bytes of key material, given as hex (64+ chars) or base64 (44+ chars). */
export function secretBytes(value: string): Buffer | null {
  const v = value.trim();
  if (/^[0-9a-f]+$/i.test(v) && v.length % 2 === 0) {
    const b = Buffer.from(v, "hex");
    return b.length >= MIN_SECRET_BYTES ? b : null;
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) {
    const b = Buffer.from(v, "base64");
    return b.length >= MIN_SECRET_BYTES ? b : null;
  }
  return null;
}

const secret = (name: string) =>
  z.string({ required_error: `${name} is missing` }).refine((v) => secretBytes(v) !== null, {
    message: `${name} is too weak: give at least ${MIN_SECRET_BYTES} random bytes as hex or base64 (for example: openssl rand -base64 32)`,
  });

/** Express's names for address ranges, accepted in TRUST_PROXY as Express accepts them. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [ip, prefix, extra] = entry.split("/");
  const version = net.isIP(ip ?? "");
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Whom to believe about the client's address (Express's `trust proxy`): nobody (the TCP peer is the
 * client), a number of proxy hops in front of the server, or the proxies' addresses. `true` (believe
 * anyone's X-Forwarded-For) is refused: every visitor could then choose a fresh rate-limit bucket.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((raw, ctx): false | number | string[] => {
    const v = (raw ?? "").trim();
    if (v === "" || v === "false" || v === "0") return false;
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v.split(",").map((e) => e.trim());
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length > 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          `give false, a number of proxy hops, or the proxies' addresses or ranges, comma separated ` +
          `(IP, IP/prefix, loopback, linklocal, uniquelocal); not understood: ${bad.join(", ")}` +
          (v === "true" ? " (true would believe any client's X-Forwarded-For)" : ""),
      });
      return z.NEVER;
    }
    return entries;
  });

const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Per-client limits and the outbox worker's pace. The defaults are for real use; the browser, security
 * and load tests raise the limits (every test browser is 127.0.0.1) and change the pace.
 */
const tuningSchema = z.object({
  /** Finished intakes per client per 10 minutes: far above any person, far below a flood. */
  FINISH_LIMIT_PER_10_MIN: count(20),
  /** New intake drafts per client per hour (issue 13, finding 5). */
  DRAFT_LIMIT_PER_HOUR: count(20),
  /** Sign-in tries on /volgen per client per 15 minutes, across case codes. */
  FOLLOW_SIGN_IN_LIMIT_PER_15_MIN: count(60),
  /** Contact requests per client per hour. */
  CONTACT_LIMIT_PER_HOUR: count(10),
  /** How often the outbox worker looks for mail to send, in milliseconds. */
  OUTBOX_INTERVAL_MS: count(5_000),
});

export type Tuning = z.infer<typeof tuningSchema>;

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("localhost"),
    DATABASE_URL: z
      .string()
      .min(1)
      .default("./data/aanspreekpunt.db")
      .transform((v) => v.replace(/^file:/, "")),
    PUBLIC_URL: z.string().url().optional(),
    SESSION_SECRET: secret("SESSION_SECRET"),
    DATA_ENCRYPTION_KEY: secret("DATA_ENCRYPTION_KEY"),
    /** Earlier keys, comma separated, still able to decrypt after a key rotation. */
    DATA_ENCRYPTION_KEYS_OLD: z.string().optional(),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default("Aanspreekpunt ZIKOS <noreply@aanspreekpunt.localhost>"),
    QUICK_EXIT_URL: z.string().url().default("https://www.buienradar.nl/"),
    TRUST_PROXY: trustProxy,
  })
  .merge(operatorEnvSchema)
  .merge(tuningSchema)
  .transform((e) => ({
    ...e,
    operator: toOperator(e),
    PUBLIC_URL: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
  }));

export type Env = z.infer<typeof envSchema>;
type RawEnv = Record<string, string | undefined>;

export class ConfigError extends Error {}

function parseWith<T extends z.ZodTypeAny>(schema: T, raw: RawEnv): z.infer<T> {
  const cleaned = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `- ${i.path.join(".") || "config"}: ${i.message}`);
  throw new ConfigError(`The configuration is not valid:\n${lines.join("\n")}`);
}

/** Pure validation: returns the config or throws a ConfigError listing every bad variable. */
export function parseEnv(raw: RawEnv): Env {
  return parseWith(envSchema, raw);
}

/**
 * The limits and the worker's pace alone, for modules that set up a rate limiter when they load (before
 * the rest of the configuration is read, and without needing the secrets). A bad value stops the server
 * at start anyway: the same variables are part of the full configuration.
 */
export function getTuning(raw: RawEnv = process.env): Tuning {
  return parseWith(tuningSchema, raw);
}

const GENERATED = ["SESSION_SECRET", "DATA_ENCRYPTION_KEY"] as const;

/**
 * In development, fill missing secrets from `<data folder>/secrets.json`, creating it (0600) once.
 * Returns the names that came from the file so the server can say so.
 */
export function withDevelopmentSecrets(raw: RawEnv): {
  env: RawEnv;
  generatedFile?: string;
  fromFile: string[];
} {
  if ((raw.NODE_ENV ?? "development") === "production") return { env: raw, fromFile: [] };
  const missing = GENERATED.filter((k) => !raw[k]);
  if (missing.length === 0) return { env: raw, fromFile: [] };
  const dbPath = (raw.DATABASE_URL || "./data/aanspreekpunt.db").replace(/^file:/, "");
  const dir = path.dirname(path.resolve(dbPath));
  const file = path.join(dir, "secrets.json");
  let stored: Record<string, string> = {};
  let generatedFile: string | undefined;
  if (fs.existsSync(file)) {
    stored = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  }
  let changed = false;
  for (const k of GENERATED) {
    if (!stored[k]) {
      stored[k] = crypto.randomBytes(32).toString("base64");
      changed = true;
    }
  }
  if (changed) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    generatedFile = file;
  }
  const env = { ...raw };
  for (const k of missing) env[k] = stored[k];
  return { env, generatedFile, fromFile: [...missing] };
}

let current: Env | undefined;

/** Loads, validates and caches the configuration. Messages go to the console; the caller decides to exit. */
export function loadEnv(raw: RawEnv = process.env): Env {
  const { env, generatedFile, fromFile } = withDevelopmentSecrets(raw);
  const parsed = parseEnv(env);
  if (generatedFile) console.warn(`Generated development secrets in ${generatedFile} (mode 0600).`);
  if (fromFile.length > 0) {
    console.warn(
      `Using development secrets for ${fromFile.join(", ")} from the data folder. ` +
        "For real use set NODE_ENV=production and give them in the environment (see .env.example).",
    );
  }
  current = parsed;
  return parsed;
}

export function getEnv(): Env {
  return current ?? loadEnv();
}
