/**
 * Sending one mail: through SMTP when SMTP_URL is set; otherwise as an .eml file in the data folder's
 * `outbox-mail/`, so a newcomer can see exactly what would have been sent.
 */
import fs from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "~/config/env.server";

export type Mail = { to: string; subject: string; text: string };
export type Sender = (mail: Mail) => Promise<void>;

export function emlFolder(): string {
  return path.join(path.dirname(path.resolve(getEnv().DATABASE_URL)), "outbox-mail");
}

export function smtpSender(url: string, from: string): Sender {
  const transport: Transporter = nodemailer.createTransport(url, {
    // Fail fast when the server is away: the outbox retries later.
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  } as nodemailer.TransportOptions);
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

export function emlSender(folder: string, from: string): Sender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return async (mail) => {
    const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}.eml`;
    fs.writeFileSync(path.join(folder, name), info.message as Buffer, { mode: 0o600 });
  };
}

let sender: Sender | undefined;
export function defaultSender(): Sender {
  if (!sender) {
    const env = getEnv();
    sender = env.SMTP_URL ? smtpSender(env.SMTP_URL, env.MAIL_FROM) : emlSender(emlFolder(), env.MAIL_FROM);
  }
  return sender;
}
