import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { LOGO_CID } from './render.js';

/** One message as it leaves: the Message-ID is made by the queue, the same on every attempt. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
  /** The organisation's logo for `cid:` in the HTML; an attachment, never a remote image. */
  logo: { data: Buffer; mime: string } | null;
  /** For the files transport: where in its folder this message goes (`<tenant>/<mailing>/<person>`). */
  fileKey: string;
}

/** A failure the SMTP server answered with 5xx (bounced, never retried), or anything else (retried). */
export class MailSendError extends Error {
  constructor(
    readonly permanent: boolean,
    message: string,
  ) {
    super(message);
  }
}

export interface MailTransport {
  kind: 'smtp' | 'files';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

function message(mail: OutgoingMail): Mail.Options {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: mail.headers,
    attachments: mail.logo ? [{ filename: 'logo', content: mail.logo.data, contentType: mail.logo.mime, cid: LOGO_CID }] : [],
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Through an SMTP server (pooled connections). Timeouts stay well inside a queue lease, so a hung
 * server cannot keep a message in flight after another node may have taken it over.
 */
export function smtpTransport(url: string, timeoutMs: number): MailTransport {
  const host = new URL(url).hostname;
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // A test or development server on this machine speaks plain SMTP; anywhere else STARTTLS is used when offered.
    ignoreTLS: LOOPBACK.has(host),
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        await transporter.sendMail(message(mail));
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        throw new MailSendError(typeof code === 'number' && code >= 500, (err as Error).message);
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * Without an SMTP server: each message as an `.eml` file under the data folder, so mailings work
 * out of the box and an editor can open what was sent. A file is created only if it is not there
 * yet, so a message written again after a crash stays one file.
 */
export function filesTransport(folder: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'files',
    async send(mail) {
      const file = emlPath(folder, mail.fileKey);
      await mkdir(path.dirname(file), { recursive: true });
      const info = (await composer.sendMail(message(mail))) as { message: Buffer };
      try {
        await writeFile(file, info.message, { flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new MailSendError(false, (err as Error).message);
      }
    },
    close: () => composer.close(),
  };
}

/** Where the files transport keeps a message: `<folder>/<tenant>/<mailing>/<person>.eml`. */
export function emlPath(folder: string, fileKey: string): string {
  return path.join(folder, `${fileKey}.eml`);
}
