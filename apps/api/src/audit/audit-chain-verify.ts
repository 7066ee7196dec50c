import type { AuditChainVerification } from '@habeas/contracts';
import { walkLinks, walkStart } from './audit-chain-walk';
import { auditChainQueries, type RowQuery } from './audit-chain.repository';

const BATCH = 5000;

/** Walks the whole chain in batches (on one snapshot the caller provides): the API's check and the offline CLI's. */
export async function verifyAuditChain(db: RowQuery): Promise<AuditChainVerification> {
  let state = walkStart;
  for (;;) {
    const links = await auditChainQueries.linksAfter(db, state.entries, BATCH);
    const step = walkLinks(state, links);
    if (!step.ok) return step.result;
    state = step.state;
    if (links.length < BATCH) break;
  }
  const unlinked = await auditChainQueries.firstUnlinkedEntry(db);
  if (unlinked) return { ok: false, ...state, brokenAt: { seq: state.entries + 1, entryId: unlinked, reason: 'unlinked_entries' } };
  return { ok: true, ...state };
}
