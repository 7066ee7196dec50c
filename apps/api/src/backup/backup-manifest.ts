export interface BackupManifest {
  format: 'habeas-backup';
  version: 1;
  createdAt: string;
  /** Names of the applied migrations, oldest first: a restore needs the same schema. */
  migrations: string[];
  /** Hash of the audit chain's last entry in the snapshot: `npm run audit:verify -- FILE` checks the chain ends there. */
  auditHead?: string | null;
  tables: Record<string, { rows: number; sha256: string }>;
  files: Array<{ path: string; size: number; sha256: string }>;
  /** Ids of the encryption keys that sealed values in this database: a restore needs each one (absent in older archives). */
  keyIds?: string[];
  /** With --include-keys: those keys (and a local session secret) wrapped with BACKUP_PASSPHRASE (see backup-keys.ts). */
  wrappedKeys?: string;
}

/** Tables that are not backed up: pg-boss keeps transient jobs in its own schema; only `public` is archived. */
export const archivedSchema = 'public';
