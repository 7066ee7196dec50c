import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { markdownToDocx, renderTemplate, templateFieldNames } from './template-renderer';

describe('template rendering', () => {
  it('fills fields from the case, the person and the incident', () => {
    const result = renderTemplate('# Complaint\n{{person.name}} held at {{ facility.name }} since {{incident.occurredAt}}.', {
      'person.name': 'V. Vorontsov',
      'facility.name': 'IVS No. 1',
      'incident.occurredAt': '8 May',
    });
    assert.equal(result.text, '# Complaint\nV. Vorontsov held at IVS No. 1 since 8 May.');
    assert.deepEqual(result.missing, []);
  });

  it('marks missing fields visibly instead of leaving them empty', () => {
    const result = renderTemplate('To {{facility.name}}, re {{person.name}} and {{facility.name}}', { 'person.name': 'V.', 'facility.name': '  ' });
    assert.equal(result.text, 'To [[facility.name: ?]], re V. and [[facility.name: ?]]');
    assert.deepEqual(result.missing, ['facility.name']);
  });

  it('lists the fields a template uses', () => {
    assert.deepEqual(templateFieldNames('{{a.b}} {{c}} {{a.b}}'), ['a.b', 'c']);
  });

  it('produces a DOCX whose text is the draft', async () => {
    const bytes = await markdownToDocx('# Жалоба\n- **пункт** один\nТекст');
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /Жалоба/);
    assert.match(xml, /пункт/);
    assert.match(xml, /Текст/);
  });
});
