import { Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPaperclip } from '@tabler/icons-react';
import {
  allowedContactStatuses,
  can,
  contactKinds,
  incidentTypes,
  severities,
  type ContactKind,
  convertIntakeRequest,
  type ConvertIntakeRequest,
  type IntakeReport,
} from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session';
import { useFormat } from '../../shared/format';
import { showServerErrors, useContractForm } from '../../shared/form';
import { FormActions } from '../../shared/FormActions';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { intakeFileUrl, useIntakeMutations, useIntakeReports } from './hooks';
import { FormError } from '../../shared/FormError';

const statusColour: Record<IntakeReport['status'], string> = { received: 'orange', seen: 'blue', acted_on: 'green' };
const tabOf: Record<ConvertIntakeRequest['into'], string> = { medical_incident: 'medical', contact_event: 'contact', document: 'documents' };

type Into = ConvertIntakeRequest['into'];

/** What a relative reported, for the case's lawyers and medical staff; each report turns into a record in one step. */
export function IntakeInbox(props: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const reports = useIntakeReports(props.caseId);
  const [converting, setConverting] = useState<{ report: IntakeReport; into: Into } | null>(null);
  const open = (report: IntakeReport, into: Into) => setConverting({ report, into });

  return (
    <Stack>
      <Title order={2} size="h4">
        {t('intake.inbox.title')}
      </Title>
      <QueryState isLoading={reports.isLoading} error={reports.error} isEmpty={reports.items.length === 0} empty={t('intake.inbox.empty')}>
        <Stack gap="sm">
          {reports.items.map((report) => (
            <Paper
              key={report.id}
              withBorder
              p="md"
              data-testid="intake-report"
              style={report.emergency ? { borderColor: 'var(--mantine-color-red-8)' } : undefined}
            >
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <Group gap="xs">
                  <Badge variant="light" color={statusColour[report.status]}>
                    {t(`intake.statuses.${report.status}`)}
                  </Badge>
                  {report.emergency && (
                    <Badge color="red.8" leftSection={<IconAlertTriangle size={12} />}>
                      {t('intake.inbox.emergency')}
                    </Badge>
                  )}
                  <Text size="sm" c="dimmed">
                    {format.dateTime(report.receivedAt)}
                    {report.linkLabel ? ` · ${report.linkLabel}` : ''}
                  </Text>
                </Group>
                <Group gap="xs">
                  {can(user, 'medical:write') && (
                    <Button size="xs" variant="light" onClick={() => open(report, 'medical_incident')}>
                      {t('intake.inbox.into.medical_incident')}
                    </Button>
                  )}
                  {can(user, 'cases:write') && (
                    <Button size="xs" variant="light" onClick={() => open(report, 'contact_event')}>
                      {t('intake.inbox.into.contact_event')}
                    </Button>
                  )}
                  {can(user, 'documents:write') && (
                    <Button size="xs" variant="light" onClick={() => open(report, 'document')}>
                      {t('intake.inbox.into.document')}
                    </Button>
                  )}
                </Group>
              </Group>
              {/* The relative's own words, in the language they wrote in. */}
              <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }} lang={report.language}>
                {report.what}
              </Text>
              <Stack gap={2} mt="xs">
                {(['when', 'where', 'howKnown', 'contactBack'] as const).map(
                  (field) =>
                    report[field] && (
                      <Text key={field} size="sm">
                        <Text span fw={600}>
                          {t(`intake.fields.${field}`)}:
                        </Text>{' '}
                        <span lang={report.language}>{report[field]}</span>
                      </Text>
                    ),
                )}
              </Stack>
              {report.files.length > 0 && (
                <Group gap="sm" mt="xs">
                  {report.files.map((file) => (
                    <Anchor key={file.id} href={intakeFileUrl(report.id, file.id)} download size="sm">
                      <Group gap={4}>
                        <IconPaperclip size={14} /> {file.name}
                      </Group>
                    </Anchor>
                  ))}
                </Group>
              )}
              {report.alertId && (
                <Text size="sm" mt="xs" c="red.9">
                  {t('intake.inbox.alertOpened')}
                </Text>
              )}
              {report.conversions.length > 0 && (
                <Stack gap={2} mt="xs">
                  {report.conversions.map((c) => (
                    <Text key={c.id} size="sm">
                      <Anchor component={Link} to={`/cases/${report.caseId}?tab=${tabOf[c.into]}`}>
                        {t(`intake.inbox.madeInto.${c.into}`)}
                      </Anchor>{' '}
                      · {format.dateTime(c.at)}
                      {c.byName ? ` · ${c.byName}` : ''}
                    </Text>
                  ))}
                </Stack>
              )}
            </Paper>
          ))}
          <LoadMore hasNextPage={reports.hasNextPage} isFetchingNextPage={reports.isFetchingNextPage} fetchNextPage={reports.fetchNextPage} />
        </Stack>
      </QueryState>
      <Modal opened={!!converting} onClose={() => setConverting(null)} title={converting ? t(`intake.inbox.into.${converting.into}`) : ''}>
        {converting && <ConvertForm caseId={props.caseId} report={converting.report} into={converting.into} onDone={() => setConverting(null)} />}
      </Modal>
    </Stack>
  );
}

interface ConvertValues {
  type: string;
  severity: string;
  kind: ContactKind;
  status: string;
}

const convertRequest = (into: Into, v: ConvertValues) =>
  into === 'medical_incident'
    ? { into, type: v.type, severity: v.severity }
    : into === 'contact_event'
      ? { into, kind: v.kind, status: v.status }
      : { into, kind: 'evidence' };

/** Turns a report into a medical incident, a contact event or a document, asking only what the report cannot say. */
function ConvertForm(props: { caseId: string; report: IntakeReport; into: Into; onDone: () => void }) {
  const { t } = useTranslation();
  const { convert } = useIntakeMutations(props.caseId);
  const form = useContractForm({
    initialValues: { type: 'other', severity: props.report.emergency ? 'high' : 'moderate', kind: 'visit', status: 'refused' } as ConvertValues,
    schema: convertIntakeRequest,
    toRequest: (values: ConvertValues) => convertRequest(props.into, values),
  });
  const errors = form.errors as Record<string, string | undefined>;
  const { kind } = form.values;
  const submit = form.onSubmit((values) =>
    convert.mutate(
      { id: props.report.id, body: convertRequest(props.into, values) as ConvertIntakeRequest },
      {
        onSuccess: () => {
          props.onDone();
          notifications.show({ color: 'green', message: t(`intake.inbox.converted.${props.into}`) });
        },
        onError: (error) => showServerErrors(form, error),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('intake.inbox.convertText')}</Text>
        {props.into === 'medical_incident' && (
          <>
            <Select
              label={t('intake.inbox.type')}
              data={incidentTypes.map((v) => ({ value: v, label: t(`medical.type.${v}`) }))}
              allowDeselect={false}
              {...form.getInputProps('type')}
            />
            <Select
              label={t('intake.inbox.severity')}
              data={severities.map((v) => ({ value: v, label: t(`medical.severity.${v}`) }))}
              allowDeselect={false}
              {...form.getInputProps('severity')}
            />
          </>
        )}
        {props.into === 'contact_event' && (
          <>
            <Select
              label={t('intake.inbox.kind')}
              data={contactKinds.filter((v) => v !== 'letter').map((v) => ({ value: v, label: t(`detention.kind.${v}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
              onChange={(v) => {
                const next = (v ?? 'visit') as ContactKind;
                form.setValues({ kind: next, status: allowedContactStatuses[next][0] });
              }}
            />
            <Select
              label={t('intake.inbox.status')}
              data={allowedContactStatuses[kind].map((v) => ({ value: v, label: t(`detention.status.${v}`) }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
          </>
        )}
        <FormError message={errors._} />
        <FormActions onCancel={props.onDone} pending={convert.isPending} submitLabel="intake.inbox.convert" />
      </Stack>
    </form>
  );
}
