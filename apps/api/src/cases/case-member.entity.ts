import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { CaseRole } from '@habeas/contracts';

/** Membership decides who sees a case's data (CONTRACT §4). */
@Entity({ name: 'case_members' })
export class CaseMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  caseId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  roleOnCase: CaseRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
