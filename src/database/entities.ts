import { CaseEntity } from '../workflow/entities/case.entity';
import { CaseEventEntity } from '../workflow/entities/case-event.entity';
import { DeadlineEntity } from '../workflow/deadline.entity';
import { ConfidentialNoteEntity } from '../workflow/entities/confidential-note.entity';
import { OutboxEntity } from '../workflow/entities/outbox.entity';
import { IssuedDocumentEntity } from '../documents/issued-document.entity';
import { ApiTokenEntity, SessionEntity, UserEntity } from '../auth/auth.entities';

export const ENTITIES = [
  CaseEntity,
  CaseEventEntity,
  DeadlineEntity,
  ConfidentialNoteEntity,
  OutboxEntity,
  IssuedDocumentEntity,
  UserEntity,
  SessionEntity,
  ApiTokenEntity,
];
