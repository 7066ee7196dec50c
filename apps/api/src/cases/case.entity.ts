import type { CaseStage, CaseSummary, Charge } from '@habeas/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** URL name, e.g. `vorontsov`; also the donation campaign's slug. */
  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  publicSummary: string;

  /** The title and public summary in English; empty means the Russian ones above are shown. */
  @Column({ type: 'text', default: '' })
  titleEn: string;

  @Column({ type: 'text', default: '' })
  publicSummaryEn: string;

  @Column({ type: 'boolean', default: false })
  isPublic: boolean;

  @Column({ type: 'uuid', nullable: true })
  defendantId: string | null;

  @Column({ type: 'text', default: '' })
  courtCaseNumber: string;

  @Column({ type: 'text', default: '' })
  court: string;

  @Column({ type: 'text', default: '' })
  judge: string;

  @Column({ type: 'text', default: '' })
  investigatingAgency: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  charges: Charge[];

  @Column({ type: 'text', default: 'investigation' })
  stage: CaseStage;

  @Column({ type: 'text', nullable: true })
  plea: CaseSummary['plea'];

  @Column({ type: 'text', nullable: true })
  custodyMeasure: CaseSummary['custodyMeasure'];

  /** Last day of the current custody measure (a date, no time). */
  @Column({ type: 'date', nullable: true })
  detainedUntil: string | null;

  @Column({ type: 'uuid', nullable: true })
  facilityId: string | null;

  /** Days to appeal a custody decision (3 under the Russian code of criminal procedure). */
  @Column({ type: 'integer', default: 3 })
  custodyAppealDays: number;

  /** Days to appeal a verdict (15). */
  @Column({ type: 'integer', default: 15 })
  verdictAppealDays: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
