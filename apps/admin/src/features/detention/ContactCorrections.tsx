import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { allowedContactStatuses, correctContactEventRequest, type ContactEvent } from '@habeas/contracts';
import { CorrectionDialog } from '../../shared/corrections/CorrectionDialog';
import { VersionHistory } from '../../shared/corrections/VersionHistory';
import { useFormat } from '../../shared/format';
import { contactEventVersions, correctContactEvent, detentionKeys } from './hooks';

const textFields = ['facility', 'visitor', 'refusalReason', 'refusedBy', 'contents', 'notes'] as const;

/** Correcting a contact-log entry after the fact, and reading its earlier versions. */
export function ContactCorrections(props: {
  caseId: string;
  correcting: ContactEvent | null;
  historyOf: string | null;
  onCloseCorrection: () => void;
  onCloseHistory: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const event = props.correcting;
  const fields = event
    ? [
        {
          name: 'status',
          label: t('detention.fields.status'),
          value: event.status,
          options: allowedContactStatuses[event.kind].map((status) => ({ value: status, label: t(`detention.status.${status}`) })),
        },
        ...textFields.map((name) => ({
          name,
          label: t(`detention.fields.${name}`),
          value: event[name],
          multiline: name === 'notes' || name === 'refusalReason',
        })),
      ]
    : [];
  const historyFields = [
    { name: 'occurredAt', label: t('detention.fields.occurredAt'), show: (value: unknown) => format.dateTime(String(value)) },
    { name: 'status', label: t('detention.fields.status'), show: (value: unknown) => t(`detention.status.${String(value)}`) },
    ...textFields.map((name) => ({ name, label: t(`detention.fields.${name}`) })),
  ];
  return (
    <>
      <CorrectionDialog
        opened={event !== null}
        title={t('corrections.correct')}
        schema={correctContactEventRequest}
        save={(body) => correctContactEvent(event!.id, body)}
        fields={fields}
        onClose={props.onCloseCorrection}
        onSaved={() => {
          props.onCloseCorrection();
          void client.invalidateQueries({ queryKey: detentionKeys.contacts(props.caseId) });
          notifications.show({ color: 'green', message: t('corrections.saved') });
        }}
      />
      <VersionHistory
        versions={props.historyOf ? contactEventVersions(props.historyOf) : null}
        title={t('corrections.history')}
        fields={historyFields}
        onClose={props.onCloseHistory}
      />
    </>
  );
}
