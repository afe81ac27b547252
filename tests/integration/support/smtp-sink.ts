// A tiny SMTP server for tests: accepts every message and keeps it, so mail the app sends through
// nodemailer can be read back.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

export type Received = { from: string; to: string[]; data: string };

/** Just enough SMTP (RFC 5321, no TLS, no auth) to accept and keep messages. */
export async function startSmtpSink(): Promise<{ port: number; messages: Received[]; close(): Promise<void> }> {
  const messages: Received[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let current: Received = { from: "", to: [], data: "" };
    socket.write("220 sink ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let i: number;
      while ((i = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            messages.push(current);
            current = { from: "", to: [], data: "" };
            socket.write("250 queued\r\n");
          } else current.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 sink\r\n");
        else if (verb === "MAIL") {
          current.from = line;
          socket.write("250 ok\r\n");
        } else if (verb === "RCPT") {
          current.to.push(line);
          socket.write("250 ok\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go on\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The message as a reader sees it: quoted-printable soft breaks and escapes undone. */
export function readableMail(data: string): string {
  return data
    .replace(/=\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A sink for the file (or the describe block) it is called in, started before an appFixture called
 * after it: `appFixture({ env: sink.env })` sends the app's mail here. Stopped after the app.
 */
export function smtpSinkFixture() {
  let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink?.close());
  const started = () => {
    if (!sink) throw new Error("smtpSinkFixture(): the sink is there once the file's beforeAll has run");
    return sink;
  };
  return {
    get messages(): Received[] {
      return started().messages;
    },
    /** The app settings that send mail to this sink. */
    env: () => ({ SMTP_URL: `smtp://127.0.0.1:${started().port}`, SMTP_FROM: "Mkutano <no-reply@mkutano.test>" }),
  };
}
