import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { CorrectionActions } from '../../shared/corrections/CorrectionActions';
import { IconPlus } from '@tabler/icons-react';
import { can, formatDateTime, type MedicalIncident } from '@habeas/contracts';
import { useCurrentUser } from '../../app/session';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { IncidentCorrections } from './IncidentCorrections';
import { IncidentForm } from './IncidentForm';
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
  const incidents = usePaged<MedicalIncident>(['medical-incidents', props.caseId], `/api/cases/${props.caseId}/medical-incidents`);
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
        <Table striped data-testid="incident-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('medical.incident.occurredAt')}</Table.Th>
              <Table.Th>{t('medical.incident.type')}</Table.Th>
              <Table.Th>{t('medical.incident.severity')}</Table.Th>
              <Table.Th>{t('medical.incident.description')}</Table.Th>
              <Table.Th>{t('medical.incident.outcome')}</Table.Th>
              <Table.Th>{t('corrections.actionsOf')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incidents.items.map((incident) => (
              <Table.Tr key={incident.id}>
                <Table.Td>{formatDateTime(incident.occurredAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {t(`medical.type.${incident.type}`)}
                  {incident.facility && (
                    <Text size="xs" c="dimmed">
                      {incident.facility}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <SeverityBadge severity={incident.severity} />
                  {incident.followUpNeeded && (
                    <Badge variant="outline" ml={4} size="sm">
                      {t('medical.incident.followUp')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{incident.description}</Table.Td>
                <Table.Td>{incident.outcome ?? '—'}</Table.Td>
                <Table.Td>
                  <CorrectionActions
                    canWrite={canWrite}
                    version={incident.version}
                    onCorrect={() => setCorrecting(incident)}
                    onHistory={() => setHistoryOf(incident.id)}
                    historyTestId="incident-history"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
