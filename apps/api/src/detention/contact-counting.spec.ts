import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COUNTS_AS_CONTACT_SQL, countsAsContact, type CountedContact } from './contact-counting';

const event = (kind: CountedContact['kind'], status: CountedContact['status'], direction: CountedContact['direction'] = null): CountedContact => ({
  kind,
  status,
  direction,
});

describe('contact counting', () => {
  it('counts held visits and calls, not requested or refused ones', () => {
    assert.equal(countsAsContact(event('visit', 'held')), true);
    assert.equal(countsAsContact(event('call', 'held')), true);
    for (const status of ['requested', 'refused'] as const) assert.equal(countsAsContact(event('visit', status)), false, status);
    assert.equal(countsAsContact(event('call', 'refused')), false);
  });

  it('counts a delivered letter either way, and a letter from him unless it never arrived', () => {
    assert.equal(countsAsContact(event('letter', 'delivered', 'to_detainee')), true);
    assert.equal(countsAsContact(event('letter', 'delivered')), true);
    assert.equal(countsAsContact(event('letter', 'sent', 'from_detainee')), true);
    assert.equal(countsAsContact(event('letter', 'not_delivered', 'from_detainee')), false);
    assert.equal(countsAsContact(event('letter', 'sent', 'to_detainee')), false);
    assert.equal(countsAsContact(event('letter', 'sent')), false);
  });

  it('never counts parcels or money transfers, whatever happened to them', () => {
    for (const kind of ['parcel', 'money_transfer'] as const) {
      for (const status of ['sent', 'accepted', 'returned', 'delivered', 'held'] as const)
        assert.equal(countsAsContact(event(kind, status)), false, `${kind} ${status}`);
    }
  });

  it('writes the same rule as SQL: exactly the counted combinations, with no direction as an empty string', () => {
    assert.match(COUNTS_AS_CONTACT_SQL, /^\(e\.kind, e\.status, coalesce\(e\.direction, ''\)\) in \(/);
    assert.ok(COUNTS_AS_CONTACT_SQL.includes(`('visit', 'held', '')`));
    assert.ok(COUNTS_AS_CONTACT_SQL.includes(`('letter', 'sent', 'from_detainee')`));
    assert.ok(!COUNTS_AS_CONTACT_SQL.includes(`('letter', 'not_delivered', 'from_detainee')`));
    assert.ok(!COUNTS_AS_CONTACT_SQL.includes(`'parcel'`));
    // visit and call held, letter delivered (three directions each) + letter from him in 6 more statuses
    assert.equal(COUNTS_AS_CONTACT_SQL.split('), (').length, 3 * 3 + 6);
  });
});
