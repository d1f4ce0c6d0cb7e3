import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isEventType } from '../../machines/catalogue';
import type { AuthenticatedRequestFields } from '../auth/principal';
import type { AuditEntry, AuditLog } from './audit-log';

type AuditedRequest = FastifyRequest & AuthenticatedRequestFields & { auditedCaseId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Document kinds, languages and formats are short lower-case words; anything else is not written down. */
const WORD = /^[a-z][a-z0-9-]{0,39}$/;
/** The listing's filters: the audit names which were used, never their values (a search may be a name or an ИИН). */
const LIST_FILTERS = ['state', 'claimState', 'arrears', 'court', 'mediator', 'deadlineBefore', 'q', 'cursor'];

/**
 * Records every successful (2xx) call of a route whose access rule names an audit action (`@Allow(roles, { audit
 * })`): who (the signed-in user, his name and role as they are now), from which address, which case, and a few
 * facts that are not personal data — the route pattern read, a document's kind, language and format, an event's
 * type and claim (from the request's `type`, never its payload), which listing filters were used (not their
 * values). The entry is handed to the audit log, which writes it after the answer, in a batch.
 * On close, once the requests in flight are answered, the log writes what it holds (the database is still open).
 */
export function auditRequests(fastify: FastifyInstance, audit: AuditLog & { flush?(): Promise<void> }): void {
  // A new case's id exists only in the answer: kept from the object before it is serialised
  fastify.addHook('preSerialization', (request: AuditedRequest, _reply, payload: unknown, done) => {
    const rule = request.access?.rule;
    if (rule?.kind === 'signedIn' && rule.audit === 'case.created' && typeof payload === 'object' && payload !== null) {
      const id = (payload as { id?: unknown }).id;
      if (typeof id === 'string' && UUID.test(id)) request.auditedCaseId = id;
    }
    done(null, payload);
  });
  fastify.addHook('onResponse', (request: AuditedRequest, reply, done) => {
    const rule = request.access?.rule;
    const principal = request.principal;
    if (rule?.kind === 'signedIn' && rule.audit && principal && reply.statusCode >= 200 && reply.statusCode < 300) {
      const caseId = request.access?.caseId ?? request.auditedCaseId;
      const entry: AuditEntry = {
        action: rule.audit,
        userId: principal.userId,
        userName: principal.fullName.ru,
        role: principal.role,
        login: principal.login,
        caseId: caseId !== undefined && UUID.test(caseId) ? caseId : null,
        detail: detailOf(request, rule.audit),
        address: request.ip ?? null,
      };
      try {
        void Promise.resolve(audit.record(entry)).catch((e: Error) => request.log.error(`audit: ${e.message}`));
      } catch (e) {
        request.log.error(`audit: ${(e as Error).message}`);
      }
    }
    done();
  });
  fastify.addHook('onClose', async () => {
    await audit.flush?.();
  });
}

function detailOf(request: AuditedRequest, action: string): AuditEntry['detail'] {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const query = (request.query ?? {}) as Record<string, unknown>;
  const route = request.routeOptions.url ?? null;
  switch (action) {
    case 'document.download':
      return {
        kind: word(params.kind),
        lang: word(query.lang) ?? 'ru',
        format: word(query.format) ?? 'pdf',
        claimId: uuid(query.claimId),
      };
    case 'event.recorded': {
      const body = (request.body ?? {}) as Record<string, unknown>;
      return { type: isEventType(body.type) ? body.type : null, claimId: uuid(body.claimId) };
    }
    case 'case.list':
      return { route, filters: LIST_FILTERS.filter((f) => query[f] !== undefined && query[f] !== '').join(',') };
    default:
      return { route, claimId: uuid(params.claimId) };
  }
}

function word(value: unknown): string | null {
  return typeof value === 'string' && WORD.test(value) ? value : null;
}

function uuid(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value : null;
}
