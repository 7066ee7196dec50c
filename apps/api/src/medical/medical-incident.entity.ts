import type { IncidentSource, IncidentType, Severity } from '@habeas/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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
  /** Description, outcome and vitals are sealed values bound to this row (medical-incident-seal.ts). */
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ type: 'text' }) vitals: string;
  @Column({ type: 'boolean' }) followUpNeeded: boolean;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  /** 1 as recorded; each correction adds one and keeps the earlier version in medical_incident_versions. */
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
