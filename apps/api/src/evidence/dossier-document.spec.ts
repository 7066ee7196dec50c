import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseSummary, MedicalIncident } from '@habeas/contracts';
import { renderPdfDocument } from '../common/pdf/pdf-renderer';
import type { DossierData } from './dossier-collector';
import { dossierDocument, type DossierMeta } from './dossier-document';
import { formatDate, formatDateTime } from './dossier-labels';
import { segments, vitalsChartSvg } from './vitals-chart';

const theCase = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'test',
  title: 'Дело Иванова',
  publicSummary: '',
  isPublic: false,
  defendant: { id: '00000000-0000-4000-8000-000000000002', fullName: 'Иванов Иван Иванович', dateOfBirth: '1970-03-08', publicBio: '', status: 'detained' },
  courtCaseNumber: '1-234/2026',
  court: 'Тверской районный суд г. Москвы',
  judge: 'Петрова А. А.',
  investigatingAgency: '',
  charges: [{ article: 'ч. 3 ст. 163 УК РФ', description: 'вымогательство' }],
  stage: 'investigation',
  plea: 'not_guilty',
  custodyMeasure: 'detention',
  detainedUntil: '2026-12-20',
  facilityId: null,
  custodyAppealDays: 3,
  verdictAppealDays: 15,
  createdAt: '2026-05-08T00:00:00.000Z',
  updatedAt: '2026-05-08T00:00:00.000Z',
} as CaseSummary;

const incident = {
  id: '00000000-0000-4000-8000-000000000003',
  caseId: theCase.id,
  occurredAt: '2026-05-11T18:30:00.000Z',
  type: 'ambulance_call',
  severity: 'high',
  description: 'Давление 190/110, скорая помощь, в больницу не доставлен',
  facility: 'ИВС № 1',
  outcome: null,
  source: 'lawyer_visit',
  vitals: [{ at: '2026-05-11T18:30:00.000Z', systolic: 190, diastolic: 110, pulse: 96 }],
  followUpNeeded: true,
  createdBy: null,
  createdAt: '2026-05-11T19:00:00.000Z',
} as MedicalIncident;

function data(medical: DossierData['medical']): DossierData {
  return { case: theCase, custody: [], hearings: [], medical, contacts: [], legalActions: [], documents: [], userNames: new Map() };
}

const meta: DossierMeta = {
  language: 'ru',
  generatedAt: new Date('2026-11-30T09:00:00Z'),
  generatedBy: 'Соколов Сергей',
  from: null,
  to: null,
  auditHead: 'a'.repeat(64),
  custody: new Map(),
};

async function textOf(definition: Record<string, unknown>): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await renderPdfDocument(definition);
  return (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text.replace(/\s+/g, ' ');
}

describe('dossier document', () => {
  it('renders the medical chronology in Russian with the incident, its vitals and Moscow time', async () => {
    const text = await textOf(dossierDocument(data({ incidents: [incident], alerts: [] }), meta));
    for (const expected of [
      'Дело Иванова',
      '1-234/2026',
      'Тверской районный суд г. Москвы',
      'Вызов скорой помощи',
      '11 мая 2026 г., 21:30 (МСК)',
      '190',
      'ИВС № 1',
    ]) {
      assert.ok(text.includes(expected), `missing «${expected}»`);
    }
    assert.ok(!text.includes('Раздел не включён'));
  });

  it('says the medical section was left out when the maker may not see medical records, and leaks none of it', async () => {
    const text = await textOf(dossierDocument(data(null), meta));
    assert.ok(text.includes('Раздел не включён'));
    assert.ok(!text.includes('190/110'));
  });

  it('formats dates the Russian legal way and the English way', () => {
    assert.equal(formatDate('ru', '2026-05-08', 'Europe/Moscow'), '8 мая 2026 г.');
    assert.equal(formatDate('en', '2026-05-08', 'Europe/Moscow'), '8 May 2026');
    assert.equal(formatDateTime('ru', '2026-05-07T22:30:00Z', 'Europe/Moscow'), '8 мая 2026 г., 01:30 (МСК)');
  });
});

describe('vitals chart', () => {
  it('breaks the line across a gap of more than two weeks', () => {
    const day = 24 * 3600 * 1000;
    const groups = segments([0, day, 2 * day, 40 * day, 41 * day].map((t) => ({ t })));
    assert.deepEqual(
      groups.map((g) => g.length),
      [3, 2],
    );
  });

  it('draws nothing without blood pressure or pulse', () => {
    assert.equal(
      vitalsChartSvg([{ at: '2026-05-11T18:30:00.000Z', temperatureC: 37.5 }], () => ''),
      null,
    );
  });
});
