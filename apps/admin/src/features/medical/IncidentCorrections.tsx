import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { correctIncidentRequest, formatDateTime, severities, type MedicalIncident } from '@habeas/contracts';
import { CorrectionDialog } from '../../shared/corrections/CorrectionDialog';
import { VersionHistory } from '../../shared/corrections/VersionHistory';
import { correctIncident, incidentVersions, medicalKeys } from './hooks';

/** Correcting an incident after the fact, and reading its earlier versions. */
export function IncidentCorrections(props: {
  caseId: string;
  correcting: MedicalIncident | null;
  historyOf: string | null;
  onCloseCorrection: () => void;
  onCloseHistory: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const incident = props.correcting;
  const fields = incident
    ? [
        {
          name: 'severity',
          label: t('medical.incident.severity'),
          value: incident.severity,
          options: severities.map((s) => ({ value: s, label: t(`medical.severity.${s}`) })),
        },
        { name: 'description', label: t('medical.incident.description'), value: incident.description, multiline: true },
        { name: 'outcome', label: t('medical.incident.outcome'), value: incident.outcome, multiline: true },
        { name: 'facility', label: t('medical.incident.facility'), value: incident.facility },
      ]
    : [];
  const historyFields = [
    { name: 'occurredAt', label: t('medical.incident.occurredAt'), show: (value: unknown) => formatDateTime(String(value), i18n.language) },
    { name: 'type', label: t('medical.incident.type'), show: (value: unknown) => t(`medical.type.${String(value)}`) },
    { name: 'severity', label: t('medical.incident.severity'), show: (value: unknown) => t(`medical.severity.${String(value)}`) },
    { name: 'description', label: t('medical.incident.description') },
    { name: 'outcome', label: t('medical.incident.outcome') },
    { name: 'facility', label: t('medical.incident.facility') },
  ];
  return (
    <>
      <CorrectionDialog
        opened={incident !== null}
        title={t('corrections.correct')}
        schema={correctIncidentRequest}
        save={(body) => correctIncident(incident!.id, body)}
        fields={fields}
        onClose={props.onCloseCorrection}
        onSaved={() => {
          props.onCloseCorrection();
          void client.invalidateQueries({ queryKey: medicalKeys.incidents(props.caseId) });
          notifications.show({ color: 'green', message: t('corrections.saved') });
        }}
      />
      <VersionHistory
        versions={props.historyOf ? incidentVersions(props.historyOf) : null}
        title={t('corrections.history')}
        fields={historyFields}
        onClose={props.onCloseHistory}
      />
    </>
  );
}
