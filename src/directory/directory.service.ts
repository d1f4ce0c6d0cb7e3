import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, type FieldError } from '../common/domain-error';
import { searchDocument, searchWords } from '../cases/search/fold';
import { DatabaseAccess } from '../workflow/database-access';
import {
  KIND_LABELS,
  searchableText,
  type DirectoryEntries,
  type DirectoryEntry,
  type DirectoryKind,
  type DirectoryNames,
} from './directory-entry';
import type { CreateDirectoryEntryDto, ListDirectoryQuery, UpdateDirectoryEntryDto } from './dto/directory.dto';

interface Row {
  id: string;
  kind: DirectoryKind;
  names: string;
  address: string | null;
  codes: string;
  region: DirectoryEntry['region'];
  active: number | boolean;
  note: string | null;
  search_text: string;
  version: number | string;
  updated_at: string;
}

/** Kinds whose names stand in the genitive in the documents («… сотының үкімімен», «приговором … суда»). */
const GENITIVE_REQUIRED: readonly DirectoryKind[] = ['court', 'penal_institution', 'police_unit'];

/** How long a reading of the table is used before it is read again (other instances on PostgreSQL may write). */
const CACHE_MS = 30_000;

/** A reference from a case to the directory: the request field, the id given, the kind it must be. */
export interface DirectoryRef {
  field: string;
  /** null or absent: no reference (the text is used). */
  id: string | null | undefined;
  kind: DirectoryKind;
}

/**
 * The directory (table `directory_entries`): a few hundred rows at most, read whole and kept in memory for
 * CACHE_MS (this process's own writes refresh it at once), so listing it and resolving a case's references costs
 * no query. Writes go through DatabaseAccess (the SQLite writer's queue; a transaction on PostgreSQL) with a
 * compare-and-set on the version.
 */
@Injectable()
export class DirectoryService {
  private cache: { at: number; entries: Map<string, DirectoryEntry & { search: string }> } | null = null;
  private loading: Promise<Map<string, DirectoryEntry & { search: string }>> | null = null;

  constructor(
    private readonly access: DatabaseAccess,
    private readonly clock: Clock,
  ) {}

  async list(query: ListDirectoryQuery): Promise<{ items: DirectoryEntry[] }> {
    const all = await this.entries();
    const words = query.q ? searchWords(query.q) : [];
    const items = [...all.values()]
      .filter((e) => (query.kind ? e.kind === query.kind : true))
      .filter((e) => query.includeInactive === true || e.active)
      .filter((e) => {
        if (words.length === 0) return true;
        const have = e.search.split(' ');
        return words.every((w) => have.some((h) => h.startsWith(w)));
      })
      .sort((a, b) =>
        a.kind === b.kind ? a.names.ru.nominative.localeCompare(b.names.ru.nominative, 'ru') : a.kind < b.kind ? -1 : 1,
      )
      .map(publicEntry);
    return { items };
  }

  async get(id: string): Promise<DirectoryEntry> {
    const e = (await this.entries()).get(id);
    if (!e) throw DomainError.notFound('Запись справочника', id);
    return publicEntry(e);
  }

  /** The entries with these ids (unknown ids are left out: a document then prints the case's own text). */
  async resolve(ids: readonly (string | undefined | null)[]): Promise<DirectoryEntries> {
    const all = await this.entries();
    const out: Record<string, DirectoryEntry> = {};
    for (const id of ids) {
      const e = id ? all.get(id) : undefined;
      if (e) out[e.id] = publicEntry(e);
    }
    return out;
  }

  /**
   * Checks a case's references: each given id must name an active entry of the right kind. Returns the errors
   * (field, rule, message) and the entries found.
   */
  async check(refs: readonly DirectoryRef[]): Promise<{ errors: FieldError[]; found: DirectoryEntries }> {
    const all = await this.entries();
    const errors: FieldError[] = [];
    const found: Record<string, DirectoryEntry> = {};
    for (const ref of refs) {
      if (ref.id === undefined || ref.id === null) continue;
      const e = all.get(ref.id);
      const what = KIND_LABELS[ref.kind].ru;
      if (!e) {
        errors.push({
          field: ref.field,
          rule: 'directory_entry_unknown',
          message: `В справочнике нет записи с таким идентификатором (${what})`,
        });
      } else if (e.kind !== ref.kind) {
        errors.push({
          field: ref.field,
          rule: 'directory_entry_kind',
          message: `Запись справочника «${e.names.ru.nominative}» — не ${what}`,
        });
      } else if (!e.active) {
        errors.push({
          field: ref.field,
          rule: 'directory_entry_inactive',
          message: `Запись справочника «${e.names.ru.nominative}» больше не действует: выберите действующую`,
        });
      } else found[e.id] = publicEntry(e);
    }
    return { errors, found };
  }

  async create(dto: CreateDirectoryEntryDto): Promise<DirectoryEntry> {
    const names = cleanNames(dto.names);
    checkForms(dto.kind, names, dto.codes?.bik);
    const entry: DirectoryEntry = {
      id: randomUUID(),
      kind: dto.kind,
      names,
      address: dto.address ? { kk: dto.address.kk.trim(), ru: dto.address.ru.trim() } : null,
      codes: cleanCodes(dto.codes ?? {}),
      region: dto.region ?? null,
      active: true,
      note: dto.note?.trim() || null,
      version: 1,
      updatedAt: this.clock.now().toISOString(),
    };
    await this.access.atomically(async (em) => {
      await em.query(
        this.access.sql(
          `INSERT INTO directory_entries (id, kind, names, address, codes, region, active, note, search_text, version, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 1, ?)`,
        ),
        [
          entry.id,
          entry.kind,
          JSON.stringify(entry.names),
          entry.address ? JSON.stringify(entry.address) : null,
          JSON.stringify(entry.codes),
          entry.region,
          entry.note,
          search(entry),
          entry.updatedAt,
        ],
      );
    });
    this.cache = null;
    return entry;
  }

  async update(id: string, dto: UpdateDirectoryEntryDto): Promise<DirectoryEntry> {
    const updated = await this.access.atomically(async (em) => {
      const current = await this.readOne(em, id);
      if (!current) throw DomainError.notFound('Запись справочника', id);
      if (current.version !== dto.expectedVersion)
        throw new DomainError(
          'version_conflict',
          'Запись справочника изменена другим пользователем: откройте её заново',
          {
            currentVersion: current.version,
          },
        );
      const names = cleanNames({
        kk: { ...current.names.kk, ...dto.names?.kk },
        ru: { ...current.names.ru, ...dto.names?.ru },
      });
      const codes = dto.codes ? cleanCodes(dto.codes) : current.codes;
      checkForms(current.kind, names, codes.bik);
      const next: DirectoryEntry = {
        ...current,
        names,
        address: dto.address ? { kk: dto.address.kk.trim(), ru: dto.address.ru.trim() } : current.address,
        codes,
        region: dto.region ?? current.region,
        active: dto.active ?? current.active,
        note: dto.note !== undefined ? dto.note.trim() || null : current.note,
        version: current.version + 1,
        updatedAt: this.clock.now().toISOString(),
      };
      if (!em.queryRunner) throw new Error('update runs inside a transaction');
      const result = await em.queryRunner.query(
        this.access.sql(
          `UPDATE directory_entries SET names = ?, address = ?, codes = ?, region = ?, active = ?, note = ?, search_text = ?,
           version = ?, updated_at = ? WHERE id = ? AND version = ?`,
        ),
        [
          JSON.stringify(next.names),
          next.address ? JSON.stringify(next.address) : null,
          JSON.stringify(next.codes),
          next.region,
          next.active ? 1 : 0,
          next.note,
          search(next),
          next.version,
          next.updatedAt,
          id,
          current.version,
        ],
        true, // structured: the affected row count, both drivers
      );
      if (result.affected !== 1)
        throw new DomainError(
          'version_conflict',
          'Запись справочника изменена другим пользователем: откройте её заново',
          {
            currentVersion: current.version,
          },
        );
      return next;
    });
    this.cache = null;
    return updated;
  }

  private async readOne(em: EntityManager, id: string): Promise<DirectoryEntry | null> {
    const rows: Row[] = await em.query(this.access.sql('SELECT * FROM directory_entries WHERE id = ?'), [id]);
    return rows.length ? fromRow(rows[0]) : null;
  }

  private async entries(): Promise<Map<string, DirectoryEntry & { search: string }>> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.entries;
    if (!this.loading) {
      this.loading = this.access
        .read((em): Promise<Row[]> => em.query('SELECT * FROM directory_entries'))
        .then((rows) => {
          const entries = new Map(rows.map((r) => [r.id, { ...fromRow(r), search: r.search_text }]));
          this.cache = { at: Date.now(), entries };
          return entries;
        })
        .finally(() => {
          this.loading = null;
        });
    }
    return this.loading;
  }
}

function fromRow(r: Row): DirectoryEntry {
  return {
    id: r.id,
    kind: r.kind,
    names: JSON.parse(r.names) as DirectoryNames,
    address: r.address ? (JSON.parse(r.address) as DirectoryEntry['address']) : null,
    codes: JSON.parse(r.codes) as DirectoryEntry['codes'],
    region: r.region ?? null,
    active: r.active === true || Number(r.active) === 1,
    note: r.note,
    version: Number(r.version),
    updatedAt: r.updated_at,
  };
}

const publicEntry = (e: DirectoryEntry & { search?: string }): DirectoryEntry => ({
  id: e.id,
  kind: e.kind,
  names: { kk: { ...e.names.kk }, ru: { ...e.names.ru } },
  address: e.address ? { ...e.address } : null,
  codes: { ...e.codes },
  region: e.region,
  active: e.active,
  note: e.note,
  version: e.version,
  updatedAt: e.updatedAt,
});

const search = (e: Pick<DirectoryEntry, 'names' | 'codes'>) => searchDocument([searchableText(e)]);

function cleanNames(n: { kk: Partial<DirectoryNames['kk']>; ru: Partial<DirectoryNames['ru']> }): DirectoryNames {
  const trim = <T extends object>(o: T): T =>
    Object.fromEntries(
      Object.entries(o)
        .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
        .map(([k, v]) => [k, (v as string).trim().replace(/\s+/g, ' ')]),
    ) as T;
  return { kk: trim(n.kk) as DirectoryNames['kk'], ru: trim(n.ru) as DirectoryNames['ru'] };
}

function cleanCodes(c: DirectoryEntry['codes']): DirectoryEntry['codes'] {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => typeof v === 'string' && v !== ''));
}

/** Rules across fields: the forms the documents print for this kind; a bank's БИК. */
function checkForms(kind: DirectoryKind, names: DirectoryNames, bik: string | undefined): void {
  const errors: FieldError[] = [];
  if (!names.kk.nominative)
    errors.push({ field: 'names.kk.nominative', rule: 'isNotEmpty', message: 'Поле обязательно' });
  if (!names.ru.nominative)
    errors.push({ field: 'names.ru.nominative', rule: 'isNotEmpty', message: 'Поле обязательно' });
  if (GENITIVE_REQUIRED.includes(kind)) {
    const what = KIND_LABELS[kind].ru;
    if (!names.kk.genitive)
      errors.push({
        field: 'names.kk.genitive',
        rule: 'form_required',
        message: `Для записи вида «${what}» нужен родительный падеж на казахском (ілік септік: «… сотының»): документы пишут «… сотының үкімімен»`,
      });
    if (!names.ru.genitive)
      errors.push({
        field: 'names.ru.genitive',
        rule: 'form_required',
        message: `Для записи вида «${what}» нужен родительный падеж на русском: документы пишут «приговором … суда»`,
      });
  }
  if (kind === 'bank' && !bik)
    errors.push({ field: 'codes.bik', rule: 'bik_required', message: 'У банка указывается БИК (напр. HSBKKZKX)' });
  if (errors.length) throw DomainError.validation(errors);
}
