import { Injectable } from '@nestjs/common';
import type { AuditChainVerification } from '@habeas/contracts';
import { verifyAuditChain } from './audit-chain-verify';
import { GENESIS_HASH } from './audit-chain-walk';
import { AuditChainRepository } from './audit-chain.repository';

/** Verifies the audit log's hash chain end to end, and tells its head. */
@Injectable()
export class AuditChainService {
  constructor(private readonly chain: AuditChainRepository) {}

  verify(): Promise<AuditChainVerification> {
    return this.chain.inSnapshot(verifyAuditChain);
  }

  async head(): Promise<string> {
    return (await this.chain.head()) ?? GENESIS_HASH;
  }
}
