import { type ApiBodyOptions, getSchemaPath } from '@nestjs/swagger';
import { EVENT_CATALOGUE, ROLE_LABELS, USER_EVENT_TYPES } from '../../../machines/catalogue';
import { EVENT_DTOS, EVENT_EXAMPLES } from './case-events.dto';

/** Every user event's DTO, for `@ApiExtraModels`: the body's `oneOf` refers to them. */
export const EVENT_DTO_CLASSES = USER_EVENT_TYPES.map((type) => EVENT_DTOS[type]);

const ref = (type: (typeof USER_EVENT_TYPES)[number]) => getSchemaPath(EVENT_DTOS[type]);

/** The body of POST /api/cases/:id/events in OpenAPI: one schema per event, told apart by `type`, each with an example. */
export const EVENT_BODY_DOC: ApiBodyOptions = {
  description: 'One of the events below; `type` decides which. Claim events name the claim (`claimId` from the case).',
  schema: {
    oneOf: USER_EVENT_TYPES.map((type) => ({ $ref: ref(type) })),
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(USER_EVENT_TYPES.map((type) => [type, ref(type)])),
    },
  },
  examples: Object.fromEntries(
    USER_EVENT_TYPES.map((type) => [
      type,
      {
        summary: `${type}: ${EVENT_CATALOGUE[type].label.ru} / ${EVENT_CATALOGUE[type].label.en}`,
        value: EVENT_EXAMPLES[type],
      },
    ]),
  ),
};

/** The operation's description: the events, who records them, and what they mean (from the catalogue). */
export const EVENTS_DESCRIPTION = [
  'Records a step of the procedure as the signed-in user: only a role listed under «recorded by» may record it (403 role_not_allowed).',
  '',
  '| type | event | recorded by | usually |',
  '| --- | --- | --- | --- |',
  ...USER_EVENT_TYPES.map((type) => {
    const e = EVENT_CATALOGUE[type];
    return `| \`${type}\` | ${e.label.en} — ${e.label.ru} — ${e.label.kk} | ${e.roles.join(', ')} | ${ROLE_LABELS[e.usualRole].en} |`;
  }),
  '',
  'Deadlines (`invitation.expired`, `term.expired`, `payment.overdue`) and the hearing reminder point (`hearing.reminder`) are recorded by the deadline service only.',
].join('\n');
