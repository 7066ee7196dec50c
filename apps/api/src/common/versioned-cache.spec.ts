import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  it('answers an entry only at the version it was stored at', () => {
    const cache = new VersionedCache<string>(10);
    cache.set('case-1', '7', 'page at 7');
    assert.equal(cache.get('case-1', '7'), 'page at 7');
    assert.equal(cache.get('case-1', '8'), undefined);
    assert.equal(cache.get('case-1', '7'), undefined, 'a stale entry is dropped when seen');
    assert.equal(cache.get('case-2', '7'), undefined);
  });

  it('drops the least recently used entry beyond its capacity', () => {
    const cache = new VersionedCache<number>(2);
    cache.set('a', '1', 1);
    cache.set('b', '1', 2);
    assert.equal(cache.get('a', '1'), 1);
    cache.set('c', '1', 3);
    assert.equal(cache.get('b', '1'), undefined);
    assert.equal(cache.get('a', '1'), 1);
    assert.equal(cache.get('c', '1'), 3);
    assert.equal(cache.size, 2);
  });
});
