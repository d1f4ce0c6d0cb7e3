import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';

describe('service health and API docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers /health with the database it uses', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'sqlite' });
  });

  it('answers an unknown address with 404 in Russian', async () => {
    const res = await t.as('lawyer').get('/api/nothing-here').expect(404);
    expect(res.body).toEqual({
      error: 'not_found',
      message: expect.stringContaining('/api/docs'),
      errors: [{ field: 'path', rule: 'route_not_found', message: expect.stringContaining('/api/docs') }],
    });
  });

  it('serves the Swagger UI page and its assets at /api/docs', async () => {
    const page = await t.as('lawyer').get('/api/docs').redirects(1).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('swagger-ui');
    const asset = page.text.match(/src="\.?\/?([^"]*swagger-ui-bundle\.js)"/)?.[1];
    expect(asset).toBeDefined();
    await t
      .as('lawyer')
      .get(`/api/docs/${asset!.replace(/^api\/docs\//, '')}`)
      .expect(200);
  });

  it('serves the OpenAPI description at /api/docs', async () => {
    const res = await t.as('lawyer').get('/api/docs-json').expect(200);
    expect(res.body.info.title).toContain('УДО');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/cases',
        '/api/cases/{id}',
        '/api/cases/{id}/history',
        '/api/cases/{id}/events',
        '/api/cases/{id}/eligibility',
        '/api/cases/{id}/claims/{claimId}/schedule',
        '/api/cases/{id}/documents',
        '/api/cases/{id}/documents/{kind}',
        '/api/documents/verify/{sha256}',
        '/api/schedules/preview',
        '/api/eligibility',
        '/health',
      ]),
    );
    expect(Object.keys(res.body.components.schemas)).toEqual(
      expect.arrayContaining(['CreateCaseDto', 'ClaimDto', 'VictimDto', 'SentenceDto']),
    );
  });
});
