import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { CorrectionActions } from '../../shared/corrections/CorrectionActions';
import { IconPlus } from '@tabler/icons-react';
import { can, formatDateTime, type MedicalIncident } from '@habeas/contracts';
import { useCurrentUser } from '../../app/session';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { DataTable } from '../../shared/DataTable';
import { IncidentCorrections } from './IncidentCorrections';
import { IncidentForm } from './IncidentForm';
import { useIncidents } from './hooks';
import { NoNewsSetting } from './NoNewsSetting';
import { SeverityBadge } from './SeverityBadge';
import { VitalsChart } from './VitalsChart';

/** The medical tab of a case page (caseId: UUID or slug): incidents with severity chips, the vitals chart, the form. */
export function CaseMedicalTab(props: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [correcting, setCorrecting] = useState<MedicalIncident | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const canWrite = can(useCurrentUser(), 'medical:write');
  const incidents = useIncidents(props.caseId);
  return (
    <Stack>
      <Group justify="space-between">
        <Text fw={600}>{t('medical.incidents.title')}</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('medical.incidents.record')}
        </Button>
      </Group>
      <NoNewsSetting caseId={props.caseId} canWrite={canWrite} />
      <QueryState isLoading={incidents.isLoading} error={incidents.error} isEmpty={incidents.items.length === 0} empty={t('medical.incidents.empty')}>
        <VitalsChart incidents={incidents.items} />
        <DataTable
          striped
          testId="incident-list"
          rows={incidents.items}
          rowKey={(incident) => incident.id}
          columns={[
            { key: 'at', header: t('medical.incident.occurredAt'), cell: (incident) => formatDateTime(incident.occurredAt, i18n.language) },
            {
              key: 'type',
              header: t('medical.incident.type'),
              cell: (incident) => (
                <>
                  {t(`medical.type.${incident.type}`)}
                  {incident.facility && (
                    <Text size="xs" c="dimmed">
                      {incident.facility}
                    </Text>
                  )}
                </>
              ),
            },
            {
              key: 'severity',
              header: t('medical.incident.severity'),
              cell: (incident) => (
                <>
                  <SeverityBadge severity={incident.severity} />
                  {incident.followUpNeeded && (
                    <Badge variant="outline" ml={4} size="sm">
                      {t('medical.incident.followUp')}
                    </Badge>
                  )}
                </>
              ),
            },
            { key: 'description', header: t('medical.incident.description'), cell: (incident) => incident.description },
            { key: 'outcome', header: t('medical.incident.outcome'), cell: (incident) => incident.outcome ?? '—' },
            {
              key: 'actions',
              header: t('corrections.actionsOf'),
              cell: (incident) => (
                <CorrectionActions
                  canWrite={canWrite}
                  version={incident.version}
                  onCorrect={() => setCorrecting(incident)}
                  onHistory={() => setHistoryOf(incident.id)}
                  historyTestId="incident-history"
                />
              ),
            },
          ]}
        />
        <LoadMore {...incidents} />
      </QueryState>
      <IncidentCorrections
        caseId={props.caseId}
        correcting={correcting}
        historyOf={historyOf}
        onCloseCorrection={() => setCorrecting(null)}
        onCloseHistory={() => setHistoryOf(null)}
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('medical.incidents.record')} size="xl">
        <IncidentForm caseId={props.caseId} onDone={() => setCreating(false)} />
      </Modal>
    </Stack>
  );
}
