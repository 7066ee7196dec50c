import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

describe('medical data in logs', () => {
  it('keeps descriptions, outcomes and vitals out of the log even at trace level', async () => {
    const secret = `Sealed-${Date.now()}-diagnosis`;
    const child = spawn(process.execPath, [join(__dirname, 'support/medical-log-child.js')], {
      // Its log must reach stdout, not the log-scan folder `npm test` gives the other apps.
      env: { ...process.env, HABEAS_TEST_LOG_DIR: '', MEDICAL_LOG_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, err);
    assert.match(out, /medical-incidents/, 'the requests were logged');
    assert.ok(!out.includes(secret) && !err.includes(secret), 'no medical text in the log');
    assert.ok(!/"systolic"|199\/|"pulse"/.test(out), 'no vitals in the log');
  });
});
