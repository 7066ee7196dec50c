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

describe('parseEnvironment: never echoes secrets or URLs', () => {
  const secretLooking = {
    DATABASE_URL: 'mysql://habeas:hunter2-db-password@db.internal:3306/habeas',
    SMTP_URL: 'ftp://mailer:hunter2-smtp-password@smtp.internal',
    STRIPE_API_URL: 'not a url hunter2-stripe',
    PUBLIC_URL: 'habeas.example hunter2-public',
    S3_ENDPOINT: 's3 hunter2-s3-endpoint',
    DEMO_PASSWORD: 'hunter2',
  };
  for (const [name, value] of Object.entries(secretLooking)) {
    it(`names ${name} without printing its value`, () => {
      assert.throws(
        () => parseEnvironment({ [name]: value }),
        (error: Error) =>
          error instanceof ConfigError && error.message.includes(name) && !error.message.includes('hunter2') && !error.message.includes('internal'),
      );
    });
  }

  it('still shows a wrong plain value such as a port or a log level', () => {
    assert.throws(() => parseEnvironment({ LOG_LEVEL: 'loud' }), /LOG_LEVEL .*"loud"/);
  });
});

describe('TRUST_PROXY', () => {
  const cases: Array<[string | undefined, false | number | string[]]> = [
    [undefined, false],
    ['false', false],
    ['0', false],
    ['true', 1],
    ['1', 1],
    ['2', 2],
    ['10.0.0.2', ['10.0.0.2']],
    ['10.0.0.0/8, 127.0.0.1 ,::1', ['10.0.0.0/8', '127.0.0.1', '::1']],
  ];
  for (const [given, expected] of cases) {
    it(`reads ${JSON.stringify(given)} as ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(parseEnvironment(given === undefined ? {} : { TRUST_PROXY: given }).TRUST_PROXY, expected);
    });
  }

  it('refuses anything else in one line', () => {
    assert.throws(() => parseEnvironment({ TRUST_PROXY: 'everyone' }), /Invalid configuration: TRUST_PROXY must be false, a hop count/);
    assert.throws(() => parseEnvironment({ TRUST_PROXY: '99' }), /TRUST_PROXY must be/);
  });
});
