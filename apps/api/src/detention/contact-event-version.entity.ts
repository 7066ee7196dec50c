import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An earlier version of a corrected contact-log entry (sealed), with who replaced it, when and why. */
@Entity('contact_event_versions')
export class ContactEventVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) contactEventId: string;
  @Column({ type: 'integer' }) version: number;
  /** Sealed, bound to this row (see the repository). */
  @Column({ type: 'text' }) content: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'uuid', nullable: true }) correctedBy: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) correctedAt: Date;
}
