/**
 * A local SMTP server for the reminder tests (smtp-server + mailparser): every accepted message parsed, and a switch
 * that makes the server refuse mail (a mail server that is down answers the same to the sender: try later).
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  mails: ParsedMail[];
  /** true: every message is refused with 451 (temporary failure). */
  failing: boolean;
  /** Mails to this address (the `to` of the envelope). */
  to(address: string): ParsedMail[];
  stop(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    mails: [],
    failing: false,
    to: (address) => state.mails.filter((m) => [m.to].flat().some((t) => t?.value.some((v) => v.address === address))),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (state.failing) {
        const err = new Error('Mail service not available, try later') as Error & { responseCode: number };
        err.responseCode = 451;
        return callback(err);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          state.mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
  state.url = `smtp://127.0.0.1:${port}`;
  return state;
}
