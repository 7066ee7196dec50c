import { Badge, Button, Code, Group, MultiSelect, Paper, Progress, Radio, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileZip } from '@tabler/icons-react';
import { createDossierRequest, type Dossier, type DossierLanguage } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/DataTable';
import { showServerErrors, useContractForm } from '../../shared/form';
import { QueryState } from '../../shared/QueryState';
import { formatDateTime, formatDay } from './format';
import { dossierDownloadUrl, useDossierDocumentChoice, useDossiers, useRequestDossier } from './hooks';
import { FormError } from '../../shared/FormError';

const statusColour: Record<Dossier['status'], string> = { queued: 'gray', running: 'blue', done: 'green', failed: 'red' };

interface DossierValues {
  language: DossierLanguage;
  from: string;
  to: string;
  which: 'all' | 'chosen' | 'none';
  chosen: string[];
}

const dossierRequest = (v: DossierValues) => ({
  language: v.language,
  from: v.from || undefined,
  to: v.to || undefined,
  includeDocuments: v.which === 'all' ? ('all' as const) : v.which === 'chosen' ? v.chosen : [],
});

const fieldOf = { includeDocuments: 'chosen' } as const;

/** Builds a dossier for a court or a human-rights body: choose the period, the language and the attached originals. */
export function CaseDossiersTab(props: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const form = useContractForm({
    initialValues: { language: i18n.language === 'en' ? 'en' : 'ru', from: '', to: '', which: 'all', chosen: [] } as DossierValues,
    schema: createDossierRequest,
    toRequest: dossierRequest,
    fieldOf,
  });
  const errors = form.errors as Record<string, string | undefined>;
  const { which, chosen } = form.values;
  const documents = useDossierDocumentChoice(props.caseId);
  const dossiers = useDossiers(props.caseId);
  const request = useRequestDossier(props.caseId);
  const submit = form.onSubmit((values) =>
    request.mutate(dossierRequest(values), {
      onSuccess: () => notifications.show({ color: 'green', message: t('evidence.dossiers.queued') }),
      onError: (error) => showServerErrors(form, error, fieldOf),
    }),
  );

  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('evidence.dossiers.new')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('evidence.dossiers.hint')}
        </Text>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormError message={errors._} />
            <div>
              <Text size="sm" fw={500} mb={4} id="dossier-language">
                {t('evidence.dossiers.language')}
              </Text>
              <SegmentedControl
                aria-labelledby="dossier-language"
                {...form.getInputProps('language')}
                data={[
                  { value: 'ru', label: t('common.languageNames.ru') },
                  { value: 'en', label: t('common.languageNames.en') },
                ]}
              />
            </div>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput type="date" label={t('evidence.dossiers.from')} {...form.getInputProps('from')} />
              <TextInput type="date" label={t('evidence.dossiers.to')} {...form.getInputProps('to')} />
            </SimpleGrid>
            <Radio.Group label={t('evidence.dossiers.documents')} {...form.getInputProps('which')}>
              <Stack gap={6} mt={6}>
                <Radio value="all" label={t('evidence.dossiers.allDocuments', { count: documents.items.length })} />
                <Radio value="chosen" label={t('evidence.dossiers.chosenDocuments')} />
                <Radio value="none" label={t('evidence.dossiers.noDocuments')} />
              </Stack>
            </Radio.Group>
            {which === 'chosen' && (
              <MultiSelect
                label={t('evidence.dossiers.pick')}
                searchable
                data={documents.items.map((document) => ({ value: document.id, label: document.title }))}
                {...form.getInputProps('chosen')}
                nothingFoundMessage={t('evidence.dossiers.nothingFound')}
              />
            )}
            <Group>
              <Button type="submit" leftSection={<IconFileZip size={16} />} loading={request.isPending} disabled={which === 'chosen' && chosen.length === 0}>
                {t('evidence.dossiers.build')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Title order={2} size="h4">
        {t('evidence.dossiers.made')}
      </Title>
      <QueryState isLoading={dossiers.isLoading} error={dossiers.error} isEmpty={(dossiers.data ?? []).length === 0} empty={t('evidence.dossiers.empty')}>
        <DataTable
          minWidth={640}
          label={t('evidence.dossiers.made')}
          rows={dossiers.data ?? []}
          rowKey={(dossier) => dossier.id}
          rowProps={() => ({ 'data-testid': 'dossier-row' })}
          columns={[
            {
              key: 'created',
              header: t('evidence.dossiers.created'),
              cell: (dossier) => (
                <>
                  <Text size="sm">{formatDateTime(i18n.language, dossier.createdAt)}</Text>
                  <Text size="xs" c="dimmed">
                    {dossier.requestedBy?.name} · {t(`common.languageNames.${dossier.language}`)}
                  </Text>
                </>
              ),
            },
            {
              key: 'period',
              header: t('evidence.dossiers.period'),
              cell: (dossier) => (
                <Text size="sm">
                  {dossier.from || dossier.to
                    ? `${dossier.from ? formatDay(i18n.language, dossier.from) : '…'} — ${dossier.to ? formatDay(i18n.language, dossier.to) : '…'}`
                    : t('evidence.dossiers.allTime')}
                </Text>
              ),
            },
            { key: 'status', header: t('evidence.dossiers.status'), cell: (dossier) => <DossierStatus dossier={dossier} /> },
            {
              key: 'download',
              header: null,
              cell: (dossier) =>
                dossier.status === 'done' && (
                  <Button component="a" href={dossierDownloadUrl(dossier.id)} download size="xs" variant="light" leftSection={<IconDownload size={14} />}>
                    {t('evidence.dossiers.download')}
                  </Button>
                ),
            },
          ]}
        />
      </QueryState>
    </Stack>
  );
}

function DossierStatus({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge variant="light" color={statusColour[dossier.status]}>
        {t(`evidence.dossiers.statuses.${dossier.status}`)}
      </Badge>
      {dossier.status === 'running' && <Progress value={dossier.progress} size="sm" mt={4} aria-label={t('evidence.dossiers.progress')} />}
      {dossier.error && (
        <Text size="xs" c="red.8">
          {dossier.error}
        </Text>
      )}
      {dossier.sha256 && (
        <Text size="xs" c="dimmed">
          SHA-256: <Code>{dossier.sha256.slice(0, 16)}…</Code>
        </Text>
      )}
    </>
  );
}
