import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { USER_EVENT_TYPES } from '../../machines/catalogue';
import { parseEventBody } from '../../src/cases/dto/case-events.dto';
import { CreateCaseDto } from '../../src/cases/dto/create-case.dto';
import { DomainError } from '../../src/common/domain-error';
import { flattenValidationErrors } from '../../src/common/validation.pipe';
import { startTestApp, TestApp } from '../support/app';

type Schema = Record<string, any>;

/**
 * What a reader of /api/docs gets to try: every example in the OpenAPI document — the named request examples and
 * the example Swagger UI composes from the properties' examples — passes validation.
 */
describe('OpenAPI examples pass validation', () => {
  let t: TestApp;
  let doc: Schema;
  const today = '2026-12-01';

  beforeAll(async () => {
    t = await startTestApp({ now: `${today}T10:00:00+05:00` });
    doc = (await t.as('lawyer').get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  const resolve = (s: Schema): Schema =>
    s.$ref ? doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] : s;

  /** The example Swagger UI builds from a schema: each property's example, else a placeholder of its type. */
  function composed(schema: Schema): unknown {
    const s = resolve(schema);
    if (s.example !== undefined) return s.example;
    if (s.allOf) return Object.assign({}, ...s.allOf.map(composed));
    if (s.enum) return s.enum[0];
    if (s.properties)
      return Object.fromEntries(Object.entries(s.properties).map(([name, p]) => [name, composed(p as Schema)]));
    switch (s.type) {
      case 'array':
        return [composed(s.items)];
      case 'integer':
      case 'number':
        return 0;
      case 'boolean':
        return true;
      default:
        return 'string';
    }
  }

  const eventsBody = () => doc.paths['/api/cases/{id}/events'].post.requestBody.content['application/json'];
  const shapeErrors = (body: unknown) => {
    try {
      parseEventBody(body, today);
      return [];
    } catch (e) {
      if (e instanceof DomainError) return e.details.errors;
      throw e;
    }
  };

  it('the events body is one of a schema per user event, told apart by type', () => {
    const body = eventsBody();
    expect(body.schema.oneOf).toHaveLength(USER_EVENT_TYPES.length);
    expect(Object.keys(body.schema.discriminator.mapping).sort()).toEqual([...USER_EVENT_TYPES].sort());
    for (const type of USER_EVENT_TYPES) {
      const schema = resolve({ $ref: body.schema.discriminator.mapping[type] });
      expect(schema.properties.type.enum).toEqual([type]);
      expect(schema.description).toContain(type);
    }
  });

  it.each(USER_EVENT_TYPES)('the named example of %s passes validation', (type) => {
    const example = eventsBody().examples[type];
    expect(example.value.type).toBe(type);
    expect(shapeErrors(example.value)).toEqual([]);
  });

  it.each(USER_EVENT_TYPES)('the example composed from the properties of %s passes validation', (type) => {
    const schema = { $ref: eventsBody().schema.discriminator.mapping[type] };
    expect(shapeErrors(composed(schema))).toEqual([]);
  });

  it('the create-case examples, named and composed, pass validation; the named one opens a case', async () => {
    const content = doc.paths['/api/cases'].post.requestBody.content['application/json'];
    const examples = [
      ...Object.values(content.examples as Record<string, { value: object }>).map((e) => e.value),
      composed(content.schema) as object,
    ];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) {
      expect(
        flattenValidationErrors(
          validateSync(plainToInstance(CreateCaseDto, example), { whitelist: true, forbidNonWhitelisted: true }),
        ),
      ).toEqual([]);
    }
    const named = Object.values(content.examples as Record<string, { value: object }>)[0].value;
    const created = await t.as('lawyer').post('/api/cases').send(named).expect(201);
    expect(created.body.state).toBe('applied');
  });
});
