// Each security test file talks to the server global-setup.ts started and opens the same database file
// with the same keys, so seeding and checks use the app's own modules.
import { inject } from "vitest";

const server = inject("securityServer");
process.env.NODE_ENV = "test";
process.env.DATABASE_URL = server.databaseUrl;
process.env.SESSION_SECRET = server.sessionSecret;
process.env.DATA_ENCRYPTION_KEY = server.dataEncryptionKey;
process.env.PUBLIC_URL = server.baseUrl;
process.env.QUICK_EXIT_URL = "https://neutral.example/";
