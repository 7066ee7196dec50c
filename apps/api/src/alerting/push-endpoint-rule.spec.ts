import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExtraHosts, pushEndpointAllowed } from './push-endpoint-rule';

describe('push endpoint allow-list', () => {
  const cases: Array<[string, string[], boolean]> = [
    ['https://fcm.googleapis.com/fcm/send/abc', [], true],
    ['https://updates.push.services.mozilla.com/wpush/v2/abc', [], true],
    ['https://web.push.apple.com/QGx', [], true],
    ['https://wns2-by3p.notify.windows.com/w/?token=x', [], true],
    ['http://fcm.googleapis.com/fcm/send/abc', [], false],
    ['https://fcm.googleapis.com:8443/fcm/send/abc', [], false],
    ['https://evilfcm.googleapis.com.attacker.net/x', [], false],
    ['https://notfcm.googleapis.com.example/x', [], false],
    ['https://user:pw@fcm.googleapis.com/x', [], false],
    ['http://127.0.0.1:4000/push/1', [], false],
    ['http://127.0.0.1:4000/push/1', ['127.0.0.1:4000'], true],
    ['http://127.0.0.1:4001/push/1', ['127.0.0.1:4000'], false],
    ['https://push.example.org/x', ['push.example.org'], true],
    ['https://push.example.org:444/x', ['push.example.org'], false],
    ['file:///etc/passwd', ['etc'], false],
    ['not a url', [], false],
  ];
  for (const [endpoint, extra, allowed] of cases) {
    it(`${allowed ? 'accepts' : 'refuses'} ${endpoint} with extra hosts [${extra.join(',')}]`, () => {
      assert.equal(pushEndpointAllowed(endpoint, extra), allowed);
    });
  }

  it('reads PUSH_ENDPOINT_HOSTS as trimmed lower-case hosts', () => {
    assert.deepEqual(parseExtraHosts(' Push.Example.org , 127.0.0.1:4000,,'), ['push.example.org', '127.0.0.1:4000']);
    assert.deepEqual(parseExtraHosts(undefined), []);
  });
});
