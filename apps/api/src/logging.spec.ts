import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactUrl } from './logging';

describe('redactUrl', () => {
  it('hides calendar and invite tokens in paths', () => {
    assert.equal(redactUrl('/api/calendar/abc123.ics'), '/api/calendar/…');
    assert.equal(redactUrl('/invite/secret-token'), '/invite/…');
    assert.equal(redactUrl('/api/auth/invites/secret/accept'), '/api/auth/invites/…/accept');
  });

  it('hides token and cursor query values but keeps the rest', () => {
    assert.equal(redactUrl('/api/x?limit=5&token=abc&cursor=zzz'), '/api/x?limit=5&token=…&cursor=…');
  });
});
