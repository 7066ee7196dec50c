import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An earlier version of a corrected incident, sealed like the incident itself, with who replaced it, when and why. */
@Entity('medical_incident_versions')
export class MedicalIncidentVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) incidentId: string;
  @Column({ type: 'integer' }) version: number;
  /** Sealed, bound to this row (see the repository). */
  @Column({ type: 'text' }) content: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'uuid', nullable: true }) correctedBy: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) correctedAt: Date;
}
