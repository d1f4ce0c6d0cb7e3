import { Injectable } from '@nestjs/common';
import { DatabaseAccess } from '../workflow/database-access';
import { IssuedDocumentEntity } from './issued-document.entity';

/** The record of every document issued (its SHA-256 and what it is), which the verification page reads. */
@Injectable()
export class IssuedDocumentsRepository {
  constructor(private readonly access: DatabaseAccess) {}

  /** The same bytes issued twice (an HTML page re-rendered the same day) keep their first record. */
  async record(record: IssuedDocumentEntity): Promise<void> {
    await this.access.atomically((em) =>
      em.createQueryBuilder().insert().into(IssuedDocumentEntity).values(record).orIgnore().execute(),
    );
  }

  findBySha256(sha256: string): Promise<IssuedDocumentEntity | null> {
    return this.access.read((em) => em.findOne(IssuedDocumentEntity, { where: { sha256 } }));
  }
}
