import type { AuditChainVerification } from '@habeas/contracts';

export const GENESIS_HASH = '0'.repeat(64);

/** One link of the chain as stored, with the hash recomputed from the entry it points at (null: entry gone). */
export interface ChainLinkRow {
  seq: number;
  entryId: string;
  prevHash: string;
  hash: string;
  recomputed: string | null;
}

export interface WalkState {
  entries: number;
  head: string;
}

export type WalkStep = { ok: true; state: WalkState } | { ok: false; result: AuditChainVerification };

export const walkStart: WalkState = { entries: 0, head: GENESIS_HASH };

/**
 * Checks a batch of links in sequence order against the state after the previous batch: no gap in the
 * sequence, each link names the previous hash, and each entry still hashes to what was recorded.
 */
export function walkLinks(state: WalkState, links: ChainLinkRow[]): WalkStep {
  let { entries, head } = state;
  for (const link of links) {
    const broken = (reason: NonNullable<AuditChainVerification['brokenAt']>['reason'], seq = link.seq, entryId: string | null = link.entryId) => ({
      ok: false as const,
      result: { ok: false, entries, head, brokenAt: { seq, entryId, reason } },
    });
    if (link.seq !== entries + 1) return broken('link_missing', entries + 1, null);
    if (link.prevHash !== head) return broken('link_mismatch');
    if (link.recomputed === null) return broken('entry_missing');
    if (link.recomputed !== link.hash) return broken('entry_changed');
    entries += 1;
    head = link.hash;
  }
  return { ok: true, state: { entries, head } };
}
