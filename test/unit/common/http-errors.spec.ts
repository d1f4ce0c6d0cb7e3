import {
  clientErrorHandler,
  frameworkError,
  jsonDeeperThan,
  JsonTooDeepError,
  RouteTable,
} from '../../../src/common/http-errors';

describe('JSON depth check before parsing', () => {
  it('counts nesting of objects and arrays, not brackets inside strings', () => {
    expect(jsonDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonDeeperThan(JSON.stringify({ notes: '[[[[[[{{{{{{' }), 2)).toBe(false);
    expect(jsonDeeperThan(JSON.stringify({ notes: 'quote \\" then [[[[' }), 2)).toBe(false);
    expect(jsonDeeperThan('['.repeat(1300) + ']'.repeat(1300), 32)).toBe(true);
    expect(jsonDeeperThan('['.repeat(1300), 32)).toBe(true); // unclosed: still too deep, found before the parser
  });
});

describe('errors of the HTTP framework in the API shape', () => {
  it.each([
    [{ code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }, 400, 'body', 'json'],
    [{ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }, 400, 'body', 'json'],
    [{ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }, 413, 'body', 'max_size'],
    [{ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }, 415, 'Content-Type', 'content_type'],
    [{ code: 'FST_ERR_SOMETHING_NEW', statusCode: 422 }, 422, '', 'something_new'],
    [new JsonTooDeepError(), 400, 'body', 'max_depth'],
  ])('%o → %i on %s (%s), message in Russian', (error, status, field, rule) => {
    const answer = frameworkError(error);
    expect(answer).toMatchObject({ status, body: { errors: [{ field, rule }] } });
    expect(answer!.body.errors[0].message).toMatch(/[а-яА-Я]/);
  });

  it('leaves everything else (and 5xx framework errors) to the 500 path', () => {
    expect(frameworkError(new Error('boom'))).toBeNull();
    expect(frameworkError({ code: 'FST_ERR_HANDLER_TIMEOUT', statusCode: 503 })).toBeNull();
  });
});

describe('the path parameter an undecodable URL segment stands for', () => {
  const routes = new RouteTable();
  for (const url of [
    '/api/cases',
    '/api/cases/:id',
    '/api/cases/:id/history',
    '/api/cases/:id/claims/:claimId/schedule',
    '/api/documents/verify/:sha256',
  ])
    routes.add(url);

  it.each([
    ['/api/cases/%E0%A4%A', 'id'],
    ['/api/cases/%E0%A4%A/history?x=1', 'id'],
    ['/api/cases/0b0c/claims/%ZZ/schedule', 'claimId'],
    ['/api/documents/verify/%', 'sha256'],
    ['/api/nowhere/%E0', 'path'],
  ])('%s → %s', (path, name) => expect(routes.parameterAt(path)).toBe(name));
});

describe('requests the HTTP parser refuses', () => {
  const answerTo = (code: string) => {
    let written = '';
    const socket = { destroyed: false, writable: true, write: (text: string) => (written += text), destroy: jest.fn() };
    clientErrorHandler(Object.assign(new Error('parse'), { code }), socket as never);
    const [head, body] = written.split('\r\n\r\n');
    return { statusLine: head.split('\r\n')[0], body: JSON.parse(body), destroyed: socket.destroy.mock.calls.length };
  };

  it.each([
    ['HPE_INVALID_URL', 'HTTP/1.1 400 Bad Request', 'request'],
    ['HPE_HEADER_OVERFLOW', 'HTTP/1.1 431 Request Header Fields Too Large', 'headers'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 'HTTP/1.1 408 Request Timeout', ''],
  ])('%s → %s in the API shape, then the connection is closed', (code, statusLine, field) => {
    const a = answerTo(code);
    expect(a.statusLine).toBe(statusLine);
    expect(a.body.errors[0]).toMatchObject({ field, message: expect.stringMatching(/[а-яА-Я]/) });
    expect(a.destroyed).toBe(1);
  });
});
