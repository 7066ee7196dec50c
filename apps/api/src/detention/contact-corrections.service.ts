import { createContactEventRequest, type Capability, type ContactEvent, type CorrectContactEventRequest, type RecordVersions } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { fieldsToCorrect } from '../common/corrections/changed-fields';
import { toRecordVersions } from '../common/corrections/sealed-version';
import { DomainError, NotFound } from '../common/http/domain-error';
import { ContactCorrectionsRepository, type ContactContent } from './contact-corrections.repository';

function contentOf(event: ContactEvent): ContactContent {
  const { status, occurredAt, facility, visitor, refusalReason, refusedBy, channel, direction, deliveredAt, contents, amount, notes } = event;
  return { status, occurredAt, facility, visitor, refusalReason, refusedBy, channel, direction, deliveredAt, contents, amount, notes };
}

/** Absent (null) fields are left out, so the corrected entry is checked by the same rules as a new one. */
function asNewEntry(kind: ContactEvent['kind'], content: ContactContent): Record<string, unknown> {
  return Object.fromEntries(Object.entries({ kind, ...content }).filter(([, value]) => value !== null));
}

/**
 * Corrections of contact-log entries after the fact: each keeps the version it replaces (sealed, with who,
 * when and why) and is audited with the fields it changed; the corrected entry must still be a valid one.
 */
@Injectable()
export class ContactCorrectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly entries: ContactCorrectionsRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async correct(actor: Actor, id: string, request: CorrectContactEventRequest): Promise<ContactEvent> {
    await this.visible(actor, id, 'cases:write');
    const { reason, ...patch } = request;
    return this.db.transaction(async (tx) => {
      const current = await this.entries.find(id, tx, true);
      if (!current) throw new NotFound('Contact event');
      const before = contentOf(current);
      const fields = fieldsToCorrect(before, patch);
      const after: ContactContent = { ...before, ...patch };
      const checked = createContactEventRequest.safeParse(asNewEntry(current.kind, after));
      if (!checked.success) {
        const issues = checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        throw new DomainError(400, `The corrected entry is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
      }
      await this.entries.replace(tx, current, after, { content: before, reason, correctedBy: actor.id });
      await this.audit.record(
        actor,
        {
          action: 'contact_event.correct',
          entityType: 'contact_event',
          entityId: id,
          details: { caseId: current.caseId, version: current.version + 1, fields },
        },
        tx,
      );
      return (await this.entries.find(id, tx))!;
    });
  }

  async history(actor: Actor, id: string): Promise<RecordVersions> {
    await this.visible(actor, id, 'cases:read');
    return toRecordVersions(await this.entries.listFor(id));
  }

  /** 404 for an entry of a case the actor may not see, exactly as for one that does not exist. */
  private async visible(actor: Actor, id: string, capability: Capability): Promise<void> {
    await this.access.assertRecord(actor, (await this.entries.find(id))?.caseId, capability, 'Contact event');
  }
}
