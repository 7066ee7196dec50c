import type { CustodyEntry, DossierLanguage, MedicalIncident, VitalReading } from '@habeas/contracts';
import type { DossierData } from './dossier-collector';
import { formatBytes, formatDate, formatDateTime, labelsFor, type DossierLabels } from './dossier-labels';
import { vitalsChartSvg } from './vitals-chart';

/** The courts this app serves sit in Moscow; every time in the dossier is told in that zone and labelled so. */
export const DOSSIER_ZONE = 'Europe/Moscow';

export interface DossierMeta {
  language: DossierLanguage;
  generatedAt: Date;
  generatedBy: string;
  from: string | null;
  to: string | null;
  auditHead: string;
  custody: Map<string, CustodyEntry[]>;
}

type Node = Record<string, unknown> | string;

/**
 * The dossier as a pdfmake document: particulars, medical chronology (with vitals tables and chart),
 * contact summary, defence actions and the index of attached documents with their hashes and custody.
 */
export function dossierDocument(data: DossierData, meta: DossierMeta): Record<string, unknown> {
  const l = labelsFor(meta.language);
  const date = (at: string | Date) => formatDate(meta.language, at, DOSSIER_ZONE);
  const dateTime = (at: string | Date) => formatDateTime(meta.language, at, DOSSIER_ZONE);
  const who = (id: string | null) => (id ? (data.userNames.get(id) ?? l.unknownUser) : l.system);
  const c = data.case;
  const period =
    meta.from || meta.to
      ? [meta.from && `${l.periodFrom} ${date(meta.from)}`, meta.to && `${l.periodTo} ${date(meta.to)}`].filter(Boolean).join(' ')
      : l.periodAll;
  const content: Node[] = [
    { text: `${l.title}: ${c.title}`, style: 'title' },
    { text: l.subtitle, style: 'subtitle' },
    facts([
      [l.period, period],
      [l.generatedBy, meta.generatedBy],
      [l.generatedAt, dateTime(meta.generatedAt)],
      [l.auditHead, { text: meta.auditHead, style: 'mono' }],
    ]),
    { text: l.particulars, style: 'h1' },
    facts([
      [l.defendant, c.defendant ? `${c.defendant.fullName}${c.defendant.dateOfBirth ? `, ${l.born} ${date(c.defendant.dateOfBirth)}` : ''}` : '—'],
      [l.court, c.court || '—'],
      [l.courtCaseNumber, c.courtCaseNumber || '—'],
      [l.judge, c.judge || '—'],
      [l.investigatingAgency, c.investigatingAgency || '—'],
      [l.charges, c.charges.map((charge) => [charge.article, charge.description].filter(Boolean).join(' — ')).join('; ') || '—'],
      [l.measure, c.custodyMeasure ? l.measureKind[c.custodyMeasure] : '—'],
      [l.detainedUntil, c.detainedUntil ? date(c.detainedUntil) : '—'],
      [l.currentFacility, data.custody.findLast((event) => event.facilityName)?.facilityName ?? '—'],
    ]),
    { text: l.custodyHistory, style: 'h2' },
    table(
      [l.when, l.what, l.facility],
      data.custody.map((event) => [
        dateTime(event.occurredAt),
        [
          l.custodyKind[event.kind],
          event.detainedUntil ? ` (${l.detainedUntil.toLowerCase()} ${date(event.detainedUntil)})` : '',
          event.notes ? `. ${event.notes}` : '',
        ].join(''),
        event.facilityName ?? '—',
      ]),
      ['auto', '*', 'auto'],
    ),
    { text: l.hearings, style: 'h2' },
    table(
      [l.when, l.what, l.court],
      data.hearings.map((h) => [dateTime(h.scheduledAt), [l.hearingKind[h.kind], h.outcome ? ` — ${h.outcome}` : ''].join(''), h.court || c.court || '—']),
      ['auto', '*', 'auto'],
    ),
    { text: l.medical, style: 'h1', pageBreak: 'before' },
    ...medicalSection(data, meta.language, l, dateTime, who),
    { text: l.contact, style: 'h1' },
    ...contactSection(data, l, dateTime),
    { text: l.legal, style: 'h1' },
    data.legalActions.length === 0
      ? { text: l.noLegal, style: 'muted' }
      : table(
          [l.when, l.what, l.status, l.answered],
          data.legalActions.map((a) => [
            date(a.createdAt) + (a.deadlineAt ? `\n${l.deadline}: ${date(a.deadlineAt)}` : ''),
            `${l.legalStep[a.step]}${a.title && a.title !== l.legalStep[a.step] ? `\n${a.title}` : ''}`,
            l.legalStatus[a.status],
            a.outcome ?? '—',
          ]),
          [95, '*', 'auto', '*'],
        ),
    { text: l.documents, style: 'h1', pageBreak: 'before' },
    ...documentsSection(data, meta, l, dateTime, who),
    { text: l.checkNote, style: 'muted', margin: [0, 12, 0, 0] },
  ];
  return {
    info: { title: `${l.title}: ${c.title}`, creator: 'Habeas', producer: 'Habeas' },
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: 'DejaVuSans', fontSize: 9.5, lineHeight: 1.15 },
    footer: (page: number, pages: number) => ({ text: `${l.page} ${page} ${l.of} ${pages}`, alignment: 'center', fontSize: 8, margin: [0, 20, 0, 0] }),
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 11, color: '#444444', margin: [0, 0, 0, 12] },
      h1: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10, bold: true, margin: [0, 8, 0, 3] },
      muted: { color: '#555555', italics: true },
      mono: { font: 'DejaVuSansMono', fontSize: 8 },
      th: { bold: true, fillColor: '#eeeeee' },
    },
    content,
  };
}

function medicalSection(
  data: DossierData,
  language: DossierLanguage,
  l: DossierLabels,
  dateTime: (at: string) => string,
  who: (id: string | null) => string,
): Node[] {
  if (!data.medical) return [{ text: l.medicalLeftOut, style: 'muted' }];
  const nodes: Node[] = [];
  const { incidents, alerts } = data.medical;
  if (incidents.length === 0) nodes.push({ text: l.noIncidents, style: 'muted' });
  const allVitals = incidents.flatMap((incident) => incident.vitals);
  const chart = vitalsChartSvg(allVitals, (at) => formatDate(language, at, DOSSIER_ZONE));
  if (chart) nodes.push({ text: `${l.vitalsChart} (${l.mmHg}, ${l.bpm})`, style: 'h2' }, { svg: chart, width: 495 }, legend(l));
  for (const incident of incidents) {
    nodes.push({ text: `${dateTime(incident.occurredAt)} — ${l.incidentType[incident.type]}`, style: 'h3' });
    nodes.push(
      facts([
        [l.severity, l.severityLevel[incident.severity]],
        [l.source, l.sourceKind[incident.source]],
        [l.facility, incident.facility ?? '—'],
        [l.description, incident.description],
        [l.outcome, incident.outcome ?? '—'],
      ]),
    );
    if (incident.vitals.length > 0) nodes.push(vitalsTable(incident, l, dateTime));
    const requests = data.legalActions.filter((action) => action.triggerType === 'medical_incident' && action.triggerId === incident.id);
    if (requests.length > 0) {
      nodes.push({
        ul: requests.map(
          (action) => `${l.requested}: ${l.legalStep[action.step]} (${l.legalStatus[action.status]}). ${l.answered}: ${action.outcome ?? l.noAnswer}`,
        ),
        margin: [0, 3, 0, 0],
      });
    }
  }
  nodes.push({ text: l.alerts, style: 'h2' });
  nodes.push(
    alerts.length === 0
      ? { text: l.noAlerts, style: 'muted' }
      : table(
          [l.when, l.what, l.status],
          alerts.map((alert) => [
            dateTime(alert.openedAt),
            `${l.alertKind[alert.kind]}, ${l.severityLevel[alert.severity]}`,
            [
              `${l.opened} ${dateTime(alert.openedAt)}`,
              alert.escalatedAt && `${l.escalated} ${dateTime(alert.escalatedAt)}`,
              alert.acknowledgedAt && `${l.acknowledged} ${dateTime(alert.acknowledgedAt)} (${who(alert.acknowledgedBy)})`,
              alert.resolvedAt && `${l.resolved} ${dateTime(alert.resolvedAt)} (${who(alert.resolvedBy)})${alert.note ? `: ${alert.note}` : ''}`,
            ]
              .filter(Boolean)
              .join('\n'),
          ]),
          ['auto', 'auto', '*'],
        ),
  );
  return nodes;
}

function legend(l: DossierLabels): Node {
  return {
    columns: [
      { text: `■ ${l.systolic}`, color: '#c0392b', width: 'auto' },
      { text: `■ ${l.diastolic}`, color: '#2e86c1', width: 'auto' },
      { text: `■ ${l.pulse}`, color: '#7d8b2f', width: 'auto' },
      { text: '▭ 90–140', color: '#4caf50', width: 'auto' },
    ],
    columnGap: 14,
    fontSize: 8,
    margin: [0, 2, 0, 6],
  };
}

function vitalsTable(incident: MedicalIncident, l: DossierLabels, dateTime: (at: string) => string): Node {
  const cell = (value: number | undefined) => (value === undefined ? '—' : String(value));
  const rows = [...incident.vitals]
    .sort((a: VitalReading, b: VitalReading) => a.at.localeCompare(b.at))
    .map((r) => [dateTime(r.at), cell(r.systolic), cell(r.diastolic), cell(r.pulse), cell(r.temperatureC), cell(r.glucoseMmolL)]);
  return table([l.when, `${l.systolic}, ${l.mmHg}`, `${l.diastolic}, ${l.mmHg}`, `${l.pulse}, ${l.bpm}`, l.temperature, l.glucose], rows, [
    '*',
    'auto',
    'auto',
    'auto',
    'auto',
    'auto',
  ]);
}

function contactSection(data: DossierData, l: DossierLabels, dateTime: (at: string) => string): Node[] {
  if (data.contacts.length === 0) return [{ text: l.noContact, style: 'muted' }];
  const count = (kind: string, statuses: string[]) => data.contacts.filter((c) => c.kind === kind && statuses.includes(c.status)).length;
  return [
    {
      text: `${l.contactSummary}: ${l.refusedVisits} — ${count('visit', ['refused'])}; ${l.undeliveredLetters} — ${count('letter', ['not_delivered', 'returned'])}; ${l.returnedParcels} — ${count('parcel', ['returned', 'refused'])}.`,
      margin: [0, 0, 0, 4],
    },
    table(
      [l.when, l.what, l.status],
      data.contacts.map((c) => [
        dateTime(c.occurredAt),
        [l.contactKind[c.kind], c.visitor, c.facility].filter(Boolean).join(', '),
        [l.contactStatus[c.status], c.refusalReason, c.refusedBy].filter(Boolean).join(' — '),
      ]),
      ['auto', '*', '*'],
    ),
  ];
}

function documentsSection(
  data: DossierData,
  meta: DossierMeta,
  l: DossierLabels,
  dateTime: (at: string) => string,
  who: (id: string | null) => string,
): Node[] {
  if (data.documents.length === 0) return [{ text: l.noDocuments, style: 'muted' }];
  const nodes: Node[] = [];
  data.documents.forEach((document, index) => {
    const latest = document.latest!;
    nodes.push({ text: `${index + 1}. ${document.title}`, style: 'h3' });
    nodes.push(
      facts([
        [l.fileName, `documents/${archiveName(index, latest.originalName)}`],
        [l.size, formatBytes(meta.language, latest.size)],
        [l.uploaded, `${dateTime(latest.uploadedAt)}, ${l.by} ${who(latest.uploadedBy)}`],
        ['SHA-256', { text: latest.sha256, style: 'mono' }],
      ]),
    );
    const custody = meta.custody.get(document.id) ?? [];
    if (custody.length > 0) {
      nodes.push({ text: l.custody, bold: true, margin: [0, 3, 0, 1] });
      nodes.push({
        ul: custody.map((entry) => ({
          text: [
            `v${entry.version}: ${dateTime(entry.uploadedAt)}, ${l.by} ${entry.uploadedBy?.name ?? l.unknownUser}${entry.ip ? `, ${l.from} ${entry.ip}` : ''}, `,
            { text: entry.sha256, style: 'mono' },
          ],
        })),
      });
    }
  });
  return nodes;
}

/** The name a document's file has inside the dossier archive: numbered, so two files of one name never collide. */
export function archiveName(index: number, originalName: string): string {
  const safe =
    [...originalName]
      .map((c) => (c < ' ' || '/\\:'.includes(c) ? '_' : c))
      .join('')
      .slice(0, 150) || 'file';
  return `${String(index + 1).padStart(3, '0')}-${safe}`;
}

function facts(rows: Array<[string, Node]>): Node {
  return {
    table: { widths: [140, '*'], body: rows.map(([label, value]) => [{ text: label, color: '#444444' }, value]) },
    layout: 'noBorders',
    margin: [0, 0, 0, 4],
  };
}

function table(head: string[], rows: Node[][], widths: Array<string | number>): Node {
  if (rows.length === 0) return { text: '—', style: 'muted' };
  return {
    table: { headerRows: 1, widths, body: [head.map((text) => ({ text, style: 'th' })), ...rows] },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 6],
  };
}
