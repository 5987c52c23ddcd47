/**
 * The limits on signing in to follow a case (docs/decisions/018). The passphrase (80 bits) is what keeps a
 * case safe; these limits keep the server from being a guessing machine without letting a stranger who
 * knows a code lock its reporter out:
 * - per client: attempts per keyed hash of the address, whichever codes it tries;
 * - per client and code: ten wrong tries an hour lock this code for this client only;
 * - per code: a high ceiling over all clients, in short windows, so it only slows a crowd down and the
 *   reporter waits at most one window.
 * Unknown codes are counted exactly like real ones, so no answer tells which codes exist.
 */
export const CLIENT_CODE_ATTEMPTS = 10;
export const CLIENT_CODE_WINDOW_MS = 60 * 60_000;
export const CODE_ATTEMPTS = 100;
export const CODE_WINDOW_MS = 15 * 60_000;
