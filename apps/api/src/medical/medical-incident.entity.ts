import type { IncidentSource, IncidentType, Severity, VitalReading } from '@habeas/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { encrypted } from '../common/crypto/field-cipher';

/** A medical event in detention; description, vitals and outcome are sealed at rest. */
@Entity('medical_incidents')
export class MedicalIncidentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) caseId: string;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'text' }) type: IncidentType;
  @Column({ type: 'text' }) severity: Severity;
  @Column({ type: 'text' }) source: IncidentSource;
  @Column({ type: 'text', nullable: true }) facility: string | null;
  @Column({ type: 'text', transformer: encrypted }) description: string;
  @Column({ type: 'text', nullable: true, transformer: encrypted }) outcome: string | null;
  @Column({ type: 'text', transformer: encrypted }) vitals: VitalReading[];
  @Column({ type: 'boolean' }) followUpNeeded: boolean;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
