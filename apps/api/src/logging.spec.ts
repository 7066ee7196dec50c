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

  it('hides bare query items, which can carry a token as much as a value can', () => {
    assert.equal(redactUrl('/api/auth/password-reset/request?w8tUai6bWJnaSRxWzaNiEbxS8pO0l_rDRUxqXNc01Js'), '/api/auth/password-reset/request?…');
    assert.equal(redactUrl('/api/x?limit&secret'), '/api/x?limit&…');
    const token = 'w8tUai6bWJnaSRxWzaNiEbxS8pO0l_rDRUxqXNc01Js';
    assert.equal(redactUrl(`/api/x?${token}=1&limit=5&caseId=abc`), '/api/x?…&limit=5&caseId=…');
    assert.equal(redactUrl(`/api/x?${'x'.repeat(5000)}=…`), '/api/x?…');
    assert.equal(redactUrl(`/api/x?types=${token}&limit=${'9'.repeat(40)}&status=open`), '/api/x?types=…&limit=…&status=open');
  });

  it('hides token-like path segments and every query value that could name a person', () => {
    assert.equal(redactUrl('/api/public/intake/AbCdEfGhIjKlMnOpQrStUvWxYz012345/status/r1'), '/api/public/intake/…/status/r1');
    assert.equal(redactUrl('/api/documents/0b7c9a52-2a0c-4cf1-9a7f-3d2f0f1d2e3a'), '/api/documents/0b7c9a52-2a0c-4cf1-9a7f-3d2f0f1d2e3a');
    assert.equal(redactUrl('/api/cases/vorontsov/documents?q=Anna%20K.&kind=motion'), '/api/cases/vorontsov/documents?q=…&kind=motion');
  });
});
