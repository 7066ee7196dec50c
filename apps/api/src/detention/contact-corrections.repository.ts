import type { ContactEvent } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ContactEventVersionEntity } from './contact-event-version.entity';
import { CONTACT_COLUMNS, toContactEvent, type ContactRow } from './contact-log.repository';
import { openVersion, sealVersion, type OpenedVersion } from '../common/corrections/sealed-version';

const TABLE = 'contact_event_versions';

/** The fields of an entry a correction may change, as stored. */
export type ContactContent = Pick<
  ContactEvent,
  'status' | 'occurredAt' | 'facility' | 'visitor' | 'refusalReason' | 'refusedBy' | 'channel' | 'direction' | 'deliveredAt' | 'contents' | 'amount' | 'notes'
>;

/** Corrected contact-log entries: the entry locked for a correction, and the sealed earlier versions. */
@Injectable()
export class ContactCorrectionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(id: string, manager: EntityManager = this.db.manager, lock = false): Promise<ContactEvent | null> {
    const rows: ContactRow[] = await manager.query(`select ${CONTACT_COLUMNS} from contact_events where id = $1${lock ? ' for update' : ''}`, [id]);
    return rows[0] ? toContactEvent(rows[0]) : null;
  }

  /** Keeps the version being replaced, then stores the corrected entry under the next version number. */
  async replace(
    manager: EntityManager,
    previous: ContactEvent,
    content: ContactContent,
    keep: { content: ContactContent; reason: string; correctedBy: string },
  ): Promise<void> {
    const sealed = sealVersion(TABLE, keep.content, keep.reason);
    await manager
      .getRepository(ContactEventVersionEntity)
      .insert({ ...sealed, contactEventId: previous.id, version: previous.version, correctedBy: keep.correctedBy });
    await manager.query(
      `update contact_events set status = $2, occurred_at = $3, facility = $4, visitor = $5, refusal_reason = $6, refused_by = $7, channel = $8,
         direction = $9, delivered_at = $10, contents = $11, amount_minor = $12, currency = $13, notes = $14, version = version + 1, updated_at = now()
       where id = $1`,
      [
        previous.id,
        content.status,
        content.occurredAt,
        content.facility,
        content.visitor,
        content.refusalReason,
        content.refusedBy,
        content.channel,
        content.direction,
        content.deliveredAt,
        content.contents,
        content.amount?.amountMinor ?? null,
        content.amount?.currency ?? null,
        content.notes,
      ],
    );
  }

  /** Earlier versions, newest first, with the name of whoever replaced each. */
  async listFor(contactEventId: string): Promise<OpenedVersion[]> {
    const rows = await this.db.getRepository(ContactEventVersionEntity).find({ where: { contactEventId }, order: { version: 'DESC' } });
    const ids = [...new Set(rows.map((row) => row.correctedBy).filter((id): id is string => id !== null))];
    const names: Array<{ id: string; name: string }> = ids.length ? await this.db.query(`select id, name from users where id = any($1::uuid[])`, [ids]) : [];
    const nameOf = new Map(names.map((row) => [row.id, row.name]));
    return rows.map((row) => ({
      version: row.version,
      ...openVersion(TABLE, row),
      correctedAt: row.correctedAt,
      correctedByName: row.correctedBy ? (nameOf.get(row.correctedBy) ?? null) : null,
    }));
  }
}
