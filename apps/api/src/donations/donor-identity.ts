import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { openText, sealText, type SealedAt } from '../common/crypto/field-cipher';

export type DonorField = 'name' | 'email' | 'message';

/** Where a donor's sealed field lives: `donor_identities.<field>` of that donor's row. */
export function donorField(field: DonorField, donorId: string): SealedAt {
  return { table: 'donor_identities', column: field, row: donorId };
}

/** A donor's name, email or message, opened (null when absent or erased). */
export function openDonorField(field: DonorField, donorId: string | null, sealed: string | null | undefined): string | null {
  return sealed === null || sealed === undefined || donorId === null ? null : openText(sealed, donorField(field, donorId));
}

export interface NewDonor {
  name?: string | null;
  email?: string | null;
  message?: string | null;
  showName: boolean;
}

/** Stores a donor identity with its fields sealed to its row; returns its id. */
export async function insertDonorIdentity(m: Pick<EntityManager, 'query'>, donor: NewDonor): Promise<string> {
  const id = randomUUID();
  await m.query(`insert into donor_identities (id, name, email, message, show_name) values ($1, $2, $3, $4, $5)`, [
    id,
    sealText(donor.name, donorField('name', id)),
    sealText(donor.email, donorField('email', id)),
    sealText(donor.message, donorField('message', id)),
    donor.showName,
  ]);
  return id;
}

/**
 * Gives `toId` the name of `fromId` unless it has one. The value is opened and sealed again: a sealed
 * value is bound to its row, so copying it in SQL would leave a value that no longer opens.
 */
export async function moveDonorName(m: Pick<EntityManager, 'query'>, fromId: string, toId: string): Promise<void> {
  const rows: Array<{ id: string; name: string | null }> = await m.query(`select id, name from donor_identities where id = any($1::uuid[])`, [[fromId, toId]]);
  const from = rows.find((row) => row.id === fromId);
  const to = rows.find((row) => row.id === toId);
  if (!from?.name || !to || to.name) return;
  const name = openDonorField('name', fromId, from.name);
  await m.query(`update donor_identities set name = $2, updated_at = now() where id = $1`, [toId, sealText(name, donorField('name', toId))]);
}
