import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, parseEnvironment } from './app-config';

describe('parseEnvironment', () => {
  it('applies the contract defaults', () => {
    const env = parseEnvironment({});
    assert.equal(env.PORT, 3000);
    assert.equal(env.DATA_DIR, './.data');
    assert.equal(env.DATABASE_URL, undefined);
  });

  it('names the wrong variable in one line', () => {
    assert.throws(
      () => parseEnvironment({ PORT: 'abc' }),
      (error: Error) => error instanceof ConfigError && /^Invalid configuration: PORT .*"abc"/.test(error.message) && !error.message.includes('\n'),
    );
    assert.throws(() => parseEnvironment({ DATABASE_URL: 'mysql://x/y' }), /DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('requires an encryption key with an external database', () => {
    assert.throws(() => parseEnvironment({ DATABASE_URL: 'postgres://u@h/db' }), /APP_ENCRYPTION_KEY is required/);
    assert.equal(parseEnvironment({ DATABASE_URL: 'postgres://u@h/db', APP_ENCRYPTION_KEY: 'a'.repeat(64) }).DATABASE_URL, 'postgres://u@h/db');
  });
});
