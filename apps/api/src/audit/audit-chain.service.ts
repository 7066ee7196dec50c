import { Injectable } from '@nestjs/common';
import type { AuditChainVerification } from '@habeas/contracts';
import { GENESIS_HASH, walkLinks, walkStart } from './audit-chain-walk';
import { AuditChainRepository } from './audit-chain.repository';

const BATCH = 5000;

/** Verifies the audit log's hash chain end to end, and tells its head. */
@Injectable()
export class AuditChainService {
  constructor(private readonly chain: AuditChainRepository) {}

  verify(): Promise<AuditChainVerification> {
    return this.chain.inSnapshot(async (manager) => {
      let state = walkStart;
      for (;;) {
        const links = await this.chain.linksAfter(manager, state.entries, BATCH);
        const step = walkLinks(state, links);
        if (!step.ok) return step.result;
        state = step.state;
        if (links.length < BATCH) break;
      }
      const unlinked = await this.chain.firstUnlinkedEntry(manager);
      if (unlinked) return { ok: false, ...state, brokenAt: { seq: state.entries + 1, entryId: unlinked, reason: 'unlinked_entries' } };
      return { ok: true, ...state };
    });
  }

  async head(): Promise<string> {
    return (await this.chain.head())?.hash ?? GENESIS_HASH;
  }
}
