import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { makeDocxBomb, makePdfBomb } from './support/bomb-files';
import { form, makeDocx } from './support/document-files';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const MB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Watch {
  stop(): { peakRssGrowthMb: number; slowestMs: number; failures: number; probes: number };
}

/** Probes the API every 100 ms and samples this process's RSS (the API runs in it) until stopped. */
function watchApi(t: TestApp): Watch {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let slowest = 0;
  let failures = 0;
  let probes = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const prober = setInterval(() => {
    const started = performance.now();
    probes++;
    fetch(`${t.baseUrl}/api/health/live`)
      .then((response) => {
        if (!response.ok) failures++;
        slowest = Math.max(slowest, performance.now() - started);
      })
      .catch(() => failures++);
  }, 100);
  return {
    stop() {
      clearInterval(sampler);
      clearInterval(prober);
      return { peakRssGrowthMb: (peak - baseline) / MB, slowestMs: slowest, failures, probes };
    },
  };
}

async function extracted(t: TestApp, documentId: string): Promise<{ text_status: string; text_issue: string | null }> {
  for (let i = 0; i < 1200; i++) {
    const { rows } = await t.db.query(`select text_status, text_issue from document_versions where document_id = $1`, [documentId]);
    if (rows[0] && rows[0].text_status !== 'pending') return rows[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`text of ${documentId} never settled`);
}

describe('hostile files given to the text parsers', () => {
  let t: TestApp;
  let lawyer: HttpClient;

  before(async () => {
    t = await startTestApp();
    lawyer = await t.signIn('lawyer@demo.local');
  });
  after(async () => {
    await t?.close();
  });

  async function uploadBomb(bytes: Buffer, name: string): Promise<{ id: string; outcome: { text_status: string; text_issue: string | null } }> {
    const watch = watchApi(t);
    const created = await lawyer.post('/api/cases/vorontsov/documents', form(bytes, name, { title: `Bomb ${name}`, kind: 'evidence' }));
    assert.equal(created.status, 201, created.text);
    const outcome = await extracted(t, created.body.id);
    const seen = watch.stop();
    console.log(`${name} (${(bytes.length / 1024).toFixed(0)} KB): ${JSON.stringify(outcome)}, ${JSON.stringify(seen)}`);
    assert.equal(seen.failures, 0, 'the API stopped answering');
    assert.ok(seen.probes > 0);
    assert.ok(seen.slowestMs < 1000, `a health probe took ${seen.slowestMs.toFixed(0)} ms`);
    assert.ok(seen.peakRssGrowthMb < 100, `API RSS grew by ${seen.peakRssGrowthMb.toFixed(0)} MB`);
    return { id: created.body.id, outcome };
  }

  it('refuses a DOCX that inflates to 400 MB before inflating it, keeps the API answering and the file downloadable', async () => {
    const bomb = await makeDocxBomb(400 * MB);
    assert.ok(bomb.length < 2 * MB, `the bomb is ${bomb.length} bytes`);
    const { id, outcome } = await uploadBomb(bomb, 'bomb.docx');
    assert.deepEqual(outcome, { text_status: 'failed', text_issue: 'bomb' });
    const detail = await lawyer.get(`/api/documents/${id}`);
    assert.equal(detail.body.versions[0].textStatus, 'failed');
    assert.equal(detail.body.versions[0].textIssue, 'bomb');
    const download = await fetch(`${t.baseUrl}/api/documents/${id}/download`, {
      headers: { cookie: [...lawyer.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.equal(download.status, 200);
    assert.equal(sha256(Buffer.from(await download.arrayBuffer())), sha256(bomb));
  });

  it('stops a PDF whose content inflates to 600 MB at the memory cap, outside the API process', async () => {
    const bomb = await makePdfBomb(600 * MB);
    const { outcome } = await uploadBomb(bomb, 'bomb.pdf');
    assert.equal(outcome.text_status, 'failed');
    assert.ok(outcome.text_issue === 'memory' || outcome.text_issue === 'timeout', JSON.stringify(outcome));
  });

  it('still extracts ordinary files afterwards, and does not retry a failed one', async () => {
    const created = await lawyer.post(
      '/api/cases/vorontsov/documents',
      form(await makeDocx('After the storm comes petrichor'), 'ok.docx', { title: 'Calm', kind: 'memo' }),
    );
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(await extracted(t, created.body.id), { text_status: 'done', text_issue: null });
    const found = await lawyer.get('/api/documents?q=petrichor');
    assert.deepEqual(
      found.body.items.map((d: { id: string }) => d.id),
      [created.body.id],
    );
    const { rows } = await t.db.query(`select count(*)::int as retries from pgboss.job where name = 'documents.extract-text' and retry_count > 0`);
    assert.equal(rows[0].retries, 0);
  });
});
