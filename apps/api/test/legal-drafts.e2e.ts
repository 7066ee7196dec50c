import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { legalSteps } from '@habeas/contracts';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

/** Words in Latin script; a Russian filing of the demo case has none (its names and codes are Cyrillic or digits). */
const LATIN_WORD = /[A-Za-z]{2,}/g;

describe('fileable drafts of the demo case', () => {
  let t: TestApp;
  let lawyer: HttpClient;
  before(async () => {
    t = await startTestApp();
    lawyer = await t.signIn('lawyer@demo.local');
  });
  after(() => t.close());

  const download = async (url: string) => {
    const response = await fetch(`${t.baseUrl}${url}`, { headers: { cookie: [...lawyer.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.equal(response.status, 200);
    return Buffer.from(await response.arrayBuffer());
  };

  /** The open card of a step on the demo case, started by hand when the demo has none. */
  const openAction = async (step: string) => {
    const all = (await lawyer.get('/api/cases/vorontsov/legal-actions?limit=100')).body.items;
    const open = all.find((a: any) => a.step === step && ['proposed', 'drafting'].includes(a.status));
    if (open) return open;
    const created = await lawyer.post('/api/cases/vorontsov/legal-actions', { step, language: 'ru' });
    assert.equal(created.status, 201, created.text);
    return created.body;
  };

  for (const step of legalSteps) {
    it(`generates the default ${step} template for the demo case as a fileable Russian DOCX`, async () => {
      const action = await openAction(step);
      const redrafted = await lawyer.post(`/api/legal-actions/${action.id}/redraft`, {});
      assert.equal(redrafted.status, 201, redrafted.text);
      // A card started by hand has no triggering event to tell; every other slot is filled from the case.
      const expectedMissing = redrafted.body.trigger ? [] : ['event.text'];
      assert.deepEqual(redrafted.body.missingFields, expectedMissing);
      if (!redrafted.body.trigger) {
        const draftText = redrafted.body.draftText.replace('[[event.text: ?]]', 'Подзащитный жалуется на высокое давление.');
        assert.equal((await lawyer.patch(`/api/legal-actions/${action.id}`, { status: 'drafting', draftText })).status, 200);
      }

      const generated = await lawyer.post(`/api/legal-actions/${action.id}/generate`, { format: 'docx' });
      assert.equal(generated.status, 201, generated.text);
      const bytes = await download(generated.body.downloadUrl);
      const { value: text } = await mammoth.extractRawText({ buffer: bytes });

      assert.deepEqual(text.match(LATIN_WORD) ?? [], [], 'no Latin words in a Russian filing');
      assert.doesNotMatch(text, /\{\{|\[\[|\?\]\]/, 'no unfilled placeholder');
      assert.match(text, /3\/2-0412\/\d{4}/, 'the court case number');
      assert.match(text, /ФКУ СИЗО-1 УФСИН России по г\. Москве/, 'the current facility (latest custody event)');
      assert.match(text, /Воронцова Владимира/, 'the defendant in the genitive');
      assert.match(text, /Белова Сергея Николаевича/, 'the lawyer in the genitive');
      assert.match(text, /77\/15342/, 'the advocate registry number');
      assert.match(
        text,
        /«\d{1,2}» (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4} г\./,
        'a date the Russian legal way',
      );
      if (redrafted.body.trigger) assert.match(text, /мая \d{4} г\. около \d\d:\d\d/, 'the triggering event told in Russian');

      // Layout of a Russian filing: Times New Roman 14, the addressee block on the right, a centred title, page numbers.
      const zip = await JSZip.loadAsync(bytes);
      const styles = await zip.file('word/styles.xml')!.async('string');
      assert.match(styles, /w:ascii="Times New Roman"/);
      assert.match(styles, /<w:sz w:val="28"\/>/);
      const xml = await zip.file('word/document.xml')!.async('string');
      assert.match(xml, /<w:ind w:left="\d+"\/>/);
      assert.match(xml, /<w:jc w:val="center"\/>/);
      const footer = Object.keys(zip.files).find((name) => /word\/footer\d*\.xml/.test(name))!;
      assert.match(await zip.file(footer)!.async('string'), /PAGE/);

      // The result is a document of the case, found in its documents.
      const documents = await lawyer.get('/api/cases/vorontsov/documents?limit=100');
      assert.ok(documents.body.items.some((d: any) => d.id === generated.body.documentId && /[А-Яа-я]/.test(d.title)));
    });
  }

  it('generates a PDF of a draft, stored as a case document', async () => {
    const action = await openAction('complaint_facility');
    const generated = await lawyer.post(`/api/legal-actions/${action.id}/generate`, { format: 'pdf' });
    assert.equal(generated.status, 201, generated.text);
    assert.match(generated.body.fileName, /\.pdf$/);
    const bytes = await download(generated.body.downloadUrl);
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const document = await lawyer.get(`/api/documents/${generated.body.documentId}`);
    assert.equal(document.body.versions[0].mimeType, 'application/pdf');
  });

  it('refuses an unknown format with 400', async () => {
    const action = await openAction('complaint_facility');
    assert.equal((await lawyer.post(`/api/legal-actions/${action.id}/generate`, { format: 'rtf' })).status, 400);
  });
});
