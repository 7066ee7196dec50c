import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { OutboxMailEntity } from './outbox-mail.entity';

/** `mail_outbox`: each mail sealed until it is sent, then purged to its status and dates. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectRepository(OutboxMailEntity) private readonly outbox: Repository<OutboxMailEntity>) {}

  /** Stores a pending mail (in the caller's transaction when given); false when its dedupe key was already used. */
  async insert(mail: Partial<OutboxMailEntity>, manager?: EntityManager): Promise<boolean> {
    const repository = manager ? manager.getRepository(OutboxMailEntity) : this.outbox;
    const result = await repository.createQueryBuilder().insert().values(mail).orIgnore().returning(['id']).execute();
    return Boolean((result.raw as Array<{ id: string }>)[0]?.id);
  }

  /** Deletes every mail with one of these erase keys, or whose key starts with the prefix; how many. */
  async deleteAbout(who: string[] | { prefix: string }, manager: EntityManager): Promise<number> {
    const result: [unknown[], number] = Array.isArray(who)
      ? await manager.query(`delete from mail_outbox where erase_key = any($1)`, [who])
      : await manager.query(`delete from mail_outbox where starts_with(erase_key, $1)`, [who.prefix]);
    return result[1];
  }

  /** Empties recipient, subject and body of mails delivered at least `days` ago; how many. */
  async purgeDelivered(days: number): Promise<number> {
    const result: [unknown[], number] = await this.outbox.query(
      `update mail_outbox set recipient = null, subject = null, body = null, purged_at = now(), updated_at = now()
        where purged_at is null and status in ('sent', 'logged')
          and coalesce(sent_at, updated_at) <= now() - make_interval(days => $1)`,
      [days],
    );
    return result[1];
  }

  byId(id: string): Promise<OutboxMailEntity | null> {
    return this.outbox.findOneBy({ id });
  }

  async update(id: string, patch: Partial<OutboxMailEntity>): Promise<void> {
    await this.outbox.update({ id }, patch);
  }
}
