import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import { docxBombParts, zipOf } from '../../../test/support/bomb-files';
import { inspectZip } from './zip-inspection';

const MB = 1024 * 1024;

function part(name: string, text: string) {
  const bytes = Buffer.from(text);
  return { name, bytes: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
}

describe('inspectZip', () => {
  it('passes an ordinary archive', async () => {
    await inspectZip(zipOf([part('a.xml', '<a>hello</a>'), part('b.xml', 'x'.repeat(5000))]));
  });

  it('refuses an archive that declares more than the total limit', async () => {
    const parts = await docxBombParts(80 * MB);
    await assert.rejects(inspectZip(zipOf(parts)), { reason: 'bomb' });
  });

  it('refuses an entry compressed far beyond what documents compress', async () => {
    const parts = await docxBombParts(20 * MB);
    await assert.rejects(inspectZip(zipOf(parts)), { reason: 'bomb', message: /compresses more than/ });
  });

  it('catches a header that under-states the inflated size, without inflating more than it declared', async () => {
    const parts = await docxBombParts(20 * MB);
    const lying = zipOf(parts, (p) => (p.name === 'word/document.xml' ? p.bytes.length * 2 : p.size));
    await assert.rejects(inspectZip(lying), { reason: 'bomb', message: /inflates beyond/ });
  });

  it('refuses too many entries', async () => {
    const parts = Array.from({ length: 2001 }, (_, i) => part(`f${i}.xml`, 'x'));
    await assert.rejects(inspectZip(zipOf(parts)), { reason: 'bomb', message: /2001 entries/ });
  });

  it('calls a truncated archive corrupt', async () => {
    await assert.rejects(inspectZip(Buffer.from('PK\u0003\u0004 not really')), { reason: 'corrupt' });
  });
});
