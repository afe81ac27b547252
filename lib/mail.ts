import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

// Optional outgoing mail. No email service is assumed: every link is also shown to the admin, so
// a missing or failing SMTP server never blocks an invite or a reset.
let transport: Transporter | undefined;

export function isMailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

export type Mail = { to: string; subject: string; text: string };

/** Sends when SMTP_URL is set. Returns whether the message was handed to the server. */
export async function sendMail(mail: Mail): Promise<boolean> {
  const url = env().SMTP_URL;
  if (!url) return false;
  transport ??= nodemailer.createTransport(url);
  try {
    await transport.sendMail({ from: env().SMTP_FROM, ...mail });
    return true;
  } catch (err) {
    log.warn({ err, subject: mail.subject }, "could not send email");
    return false;
  }
}
