import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@habeas/contracts';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Always stored lower-case; unique. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  /** argon2id; null until an invited user sets a password. */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** TOTP secret, sealed bound to this row (mfa-secret.ts); set during setup, active once mfaEnabledAt is set. */
  @Column({ type: 'text', nullable: true })
  mfaSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  mfaEnabledAt: Date | null;

  /** The language mail and server texts are written in for this user. */
  @Column({ type: 'text', default: 'ru' })
  language: 'ru' | 'en';

  /** A lawyer's number in the register of advocates, for drafts; '' when not entered. */
  @Column({ type: 'text', default: '' })
  advocateRegistryNumber: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
