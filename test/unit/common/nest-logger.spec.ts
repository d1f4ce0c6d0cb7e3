import { Logger } from '@nestjs/common';
import pino from 'pino';
import { NestLogger } from '../../../src/common/logging';

/** Nest's own messages reach the service's pino logger as JSON lines, with their context and an error's stack. */
describe('NestLogger', () => {
  const lines: Record<string, unknown>[] = [];
  const pinoLogger = pino(
    { level: 'debug' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const adapter = new NestLogger(pinoLogger);
  const STACK = 'Error: disk full\n    at save (/srv/app/store.js:1:1)';

  beforeEach(() => (lines.length = 0));
  beforeAll(() => Logger.overrideLogger(adapter));
  afterAll(() => Logger.overrideLogger(true));

  it('writes what services log through new Logger(context), at the matching pino levels', () => {
    const log = new Logger('DeadlineSweeper');
    log.log('fired 3 deadline(s)');
    log.warn('no outbox handler');
    log.debug('checked');
    log.verbose('not at level debug');
    log.error('sweep failed: locked');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'DeadlineSweeper', msg: 'fired 3 deadline(s)' }),
      expect.objectContaining({ level: 40, context: 'DeadlineSweeper', msg: 'no outbox handler' }),
      expect.objectContaining({ level: 20, context: 'DeadlineSweeper', msg: 'checked' }),
      expect.objectContaining({ level: 50, context: 'DeadlineSweeper', msg: 'sweep failed: locked' }),
    ]);
    expect(lines[3]).not.toHaveProperty('err');
  });

  it('keeps the stack Nest passes beside an error message, on a debug line only, with or without a context', () => {
    new Logger('TypeOrmModule').error('Unable to connect to the database', STACK);
    Logger.error('Error during shutdown', STACK);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        context: 'TypeOrmModule',
        msg: 'Unable to connect to the database',
        reference: expect.stringMatching(/^[0-9a-f]{8}$/),
        error: { type: 'Error', message: 'Unable to connect to the database' },
      }),
      expect.objectContaining({
        level: 20,
        context: 'TypeOrmModule',
        reference: lines[0].reference,
        stack: STACK,
      }),
      expect.objectContaining({
        level: 50,
        msg: 'Error during shutdown',
        error: { type: 'Error', message: 'Error during shutdown' },
      }),
      expect.objectContaining({
        level: 20,
        reference: lines[2].reference,
        stack: STACK,
      }),
    ]);
    expect(lines[2]).not.toHaveProperty('context');
    expect(lines[0]).not.toHaveProperty('stack');
    expect(lines[2]).not.toHaveProperty('stack');
  });

  it('serialises an Error given as the message; the stack only at debug', () => {
    adapter.fatal(new Error('cannot listen'), 'NestApplication');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 60,
        context: 'NestApplication',
        msg: 'cannot listen',
        error: { type: 'Error', message: 'cannot listen' },
      }),
      expect.objectContaining({
        level: 20,
        context: 'NestApplication',
        error: { type: 'Error', message: 'cannot listen' },
        stack: expect.stringMatching(/^Error: cannot listen\n/),
      }),
    ]);
  });

  it('writes no stack at all above debug', () => {
    const quiet: string[] = [];
    const atInfo = new NestLogger(pino({ level: 'info' }, { write: (line: string) => quiet.push(line) }));
    atInfo.error('Unable to connect to the database', STACK, 'TypeOrmModule');
    atInfo.error(new Error('disk full'));
    expect(quiet).toHaveLength(2);
    expect(quiet.join('')).not.toContain('store.js');
    expect(quiet.join('')).not.toMatch(/\\n\s*at /);
  });

  it('merges an object message into the line and writes nothing below the level', () => {
    adapter.log({ cases: 3 }, 'Bench');
    adapter.verbose('trace only', 'Bench');
    expect(lines).toEqual([expect.objectContaining({ level: 30, context: 'Bench', cases: 3 })]);
  });
});
