// vitest setup: a valid configuration without touching the developer's data folder.
import crypto from "node:crypto";

process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString("base64");
process.env.DATA_ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
process.env.DATABASE_URL ??= ":memory:";
process.env.PUBLIC_URL ??= "http://localhost:3000";
