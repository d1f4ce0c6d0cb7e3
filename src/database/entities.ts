import { CaseEntity } from '../cases/entities/case.entity';
import { CaseEventEntity } from '../cases/entities/case-event.entity';
import { DeadlineEntity } from '../workflow/deadline.entity';
import { ConfidentialNoteEntity } from '../cases/entities/confidential-note.entity';
import { IssuedDocumentEntity } from '../documents/issued-document.entity';

export const ENTITIES = [CaseEntity, CaseEventEntity, DeadlineEntity, ConfidentialNoteEntity, IssuedDocumentEntity];
