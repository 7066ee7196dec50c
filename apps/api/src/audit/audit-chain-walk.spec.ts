import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { GENESIS_HASH, walkLinks, walkStart, type ChainLinkRow } from './audit-chain-walk';

function chain(length: number): ChainLinkRow[] {
  const links: ChainLinkRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const hash = createHash('sha256').update(`${prev}:${seq}`).digest('hex');
    links.push({ seq, entryId: `entry-${seq}`, prevHash: prev, hash, recomputed: hash });
    prev = hash;
  }
  return links;
}

describe('audit chain walk', () => {
  it('accepts an intact chain across batches and ends at its last hash', () => {
    const links = chain(5);
    const first = walkLinks(walkStart, links.slice(0, 2));
    assert.ok(first.ok);
    const second = walkLinks(first.state, links.slice(2));
    assert.deepEqual(second, { ok: true, state: { entries: 5, head: links[4].hash } });
  });

  it('accepts an empty log with the genesis head', () => {
    assert.deepEqual(walkLinks(walkStart, []), { ok: true, state: { entries: 0, head: GENESIS_HASH } });
  });

  for (const [name, damage, reason, seq] of [
    ['an edited entry', (links: ChainLinkRow[]) => (links[2].recomputed = 'f'.repeat(64)), 'entry_changed', 3],
    ['a deleted entry', (links: ChainLinkRow[]) => (links[1].recomputed = null), 'entry_missing', 2],
    ['a deleted link', (links: ChainLinkRow[]) => links.splice(3, 1), 'link_missing', 4],
    ['a rewritten link', (links: ChainLinkRow[]) => (links[4].prevHash = 'a'.repeat(64)), 'link_mismatch', 5],
  ] as const) {
    it(`reports ${name} at its place`, () => {
      const links = chain(6);
      damage(links);
      const step = walkLinks(walkStart, links);
      assert.equal(step.ok, false);
      if (step.ok) return;
      assert.equal(step.result.brokenAt?.reason, reason);
      assert.equal(step.result.brokenAt?.seq, seq);
      assert.equal(step.result.entries, seq - 1);
    });
  }
});
