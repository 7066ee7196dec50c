import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { withFileSecrets } from './file-secrets';
import { loadConfig } from './load-config';

describe('*_FILE secrets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'habeas-file-secrets-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the value from the file, without its trailing newline', () => {
    const key = 'ab'.repeat(32);
    writeFileSync(join(dir, 'key'), `${key}\n`);
    writeFileSync(join(dir, 'url'), 'postgres://habeas:secret@db:5432/habeas\n');
    const config = loadConfig({ DATABASE_URL_FILE: join(dir, 'url'), APP_ENCRYPTION_KEY_FILE: join(dir, 'key'), DATA_DIR: dir });
    assert.equal(config.databaseUrl, 'postgres://habeas:secret@db:5432/habeas');
    assert.equal(config.encryptionKey.key.toString('hex'), key);
  });

  it('refuses both forms at once and an unreadable file, naming the variable', () => {
    writeFileSync(join(dir, 'pass'), 'x');
    assert.throws(
      () => withFileSecrets({ BACKUP_PASSPHRASE: 'y', BACKUP_PASSPHRASE_FILE: join(dir, 'pass') }),
      /set BACKUP_PASSPHRASE or BACKUP_PASSPHRASE_FILE, not both/,
    );
    assert.throws(() => withFileSecrets({ SMTP_URL_FILE: join(dir, 'missing') }), /SMTP_URL_FILE cannot be read \(ENOENT\)/);
  });
});
