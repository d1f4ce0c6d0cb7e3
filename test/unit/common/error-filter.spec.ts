import { ArgumentsHost, Logger } from '@nestjs/common';
import pino from 'pino';
import { DomainErrorFilter } from '../../../src/common/domain-error.filter';
import { NestLogger } from '../../../src/common/logging';

/** An unexpected error: a 500 with a reference the user can quote; the stack only in a debug line. */
describe('DomainErrorFilter on an unexpected error', () => {
  const sent: { status?: number; body?: any } = {};
  const host = {
    switchToHttp: () => ({
      getResponse: () => ({
        header: () => undefined,
        status(code: number) {
          sent.status = code;
          return { send: (body: unknown) => (sent.body = body) };
        },
      }),
    }),
  } as unknown as ArgumentsHost;

  const run = (level: string) => {
    const lines: Record<string, any>[] = [];
    Logger.overrideLogger(new NestLogger(pino({ level }, { write: (l: string) => lines.push(JSON.parse(l)) })));
    try {
      new DomainErrorFilter().catch(new TypeError("Cannot read properties of undefined (reading 'claims')"), host);
    } finally {
      Logger.overrideLogger(true);
    }
    return lines;
  };

  it('answers 500 with a reference, and logs the message with it at error level, without the stack', () => {
    const lines = run('info');
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      error: 'internal_error',
      message: expect.any(String),
      errors: [],
      reference: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, context: 'Errors' });
    expect(lines[0].msg).toContain(sent.body.reference);
    expect(lines[0].msg).toContain("TypeError: Cannot read properties of undefined (reading 'claims')");
    expect(JSON.stringify(lines)).not.toMatch(/\\n\s+at /);
  });

  it('writes the stack at debug level, under the same reference', () => {
    const lines = run('debug');
    const reference = sent.body.reference as string;
    expect(lines.map((l) => l.level)).toEqual([50, 20]);
    expect(lines[1].msg).toContain(reference);
    expect(lines[1].msg).toMatch(/\n\s+at /);
  });
});
