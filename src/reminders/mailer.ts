import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { Env } from '../config/env';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The reminder's idempotency key: the Message-ID derives from it, so a rare second send is recognisably the same. */
  key: string;
}

/**
 * E-mail through the SMTP server of SMTP_URL (nodemailer, pooled connections). Without SMTP_URL the channel is off:
 * `enabled` is false and reminders reach the inbox only. Errors are thrown to the dispatcher, which retries.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(env: Env) {
    this.from = env.SMTP_FROM;
    this.transport = env.SMTP_URL
      ? nodemailer.createTransport({
          url: env.SMTP_URL,
          pool: true,
          maxConnections: 4,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        } as never)
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) throw new Error('e-mail channel is off (no SMTP_URL)');
    const id = createHash('sha256').update(mail.key).digest('hex').slice(0, 32);
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${id}@reminders.mediation>`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
