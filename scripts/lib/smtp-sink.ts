/**
 * A local SMTP server that keeps what it receives, for tests and the load test. It can be switched off
 * (connections refused), told to answer 451 "try again later" or 550 "no such user" (naming the address,
 * as real servers do) to every recipient, or to hold its final
 * answer to a mail for a while (so a sender can be killed mid-send).
 */
import { SMTPServer } from "smtp-server";
import { freePort } from "./server";

export type Received = { to: string[]; subject: string; body: string };

export class SmtpSink {
  readonly received: Received[] = [];
  /**
   * "tempfail": every RCPT TO is answered with 451, as a busy or greylisting server does; "reject": with
   * 550 and the address in the text, as a server does for a mailbox that does not exist.
   */
  mode: "accept" | "tempfail" | "reject" = "accept";
  /** Milliseconds between receiving a mail's data and answering 250 for it. */
  holdMs = 0;
  /** Called as soon as a mail's data is in (before the hold and the answer). */
  onReceived?: (mail: Received) => void;
  private server?: SMTPServer;

  constructor(readonly port: number) {}

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get isUp() {
    return this.server !== undefined;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      closeTimeout: 500,
      onRcptTo: (address, _session, callback) => {
        if (this.mode === "tempfail")
          return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
        if (this.mode === "reject")
          return callback(
            Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), {
              responseCode: 550,
            }),
          );
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          const mail: Received = {
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: /^Subject: (.*)$/im.exec(body)?.[1]?.trim() ?? "",
            body,
          };
          this.received.push(mail);
          this.onReceived?.(mail);
          if (this.holdMs > 0) setTimeout(() => callback(), this.holdMs);
          else callback();
        });
      },
    });
    // A sender killed mid-conversation leaves a broken socket behind: not the sink's problem.
    server.on("error", () => {});
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.server = server;
  }

  /** Stops listening: new connections are refused until up() again. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }
}

/** A sink on a free port (or the given one), already listening unless `listening: false`. */
export async function startSmtpSink(opts: { port?: number; listening?: boolean } = {}): Promise<SmtpSink> {
  const sink = new SmtpSink(opts.port ?? (await freePort()));
  if (opts.listening !== false) await sink.up();
  return sink;
}

/** The plain text of a received mail (nodemailer may use quoted-printable for long lines). */
export function decodedBody(raw: string): string {
  const text = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join("\n\n");
  return /quoted-printable/i.test(raw)
    ? text
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : text;
}
