import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  MultiSelect,
  Paper,
  Progress,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileZip } from '@tabler/icons-react';
import type { DocumentSummary, Dossier, DossierLanguage } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../shared/api';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { formatDateTime, formatDay } from './format';
import { dossierDownloadUrl, useDossiers, useRequestDossier } from './hooks';

const statusColour: Record<Dossier['status'], string> = { queued: 'gray', running: 'blue', done: 'green', failed: 'red' };

/** Builds a dossier for a court or a human-rights body: choose the period, the language and the attached originals. */
export function CaseDossiersTab(props: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<DossierLanguage>(i18n.language === 'en' ? 'en' : 'ru');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [which, setWhich] = useState<'all' | 'chosen' | 'none'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const documents = usePaged<DocumentSummary>(['documents', props.caseId, 'for-dossier'], `/api/cases/${encodeURIComponent(props.caseId)}/documents`, {
    limit: 100,
  });
  const dossiers = useDossiers(props.caseId);
  const request = useRequestDossier(props.caseId);
  const errors = fieldErrors(request.error);

  const submit = () =>
    request.mutate(
      { language, from: from || undefined, to: to || undefined, includeDocuments: which === 'all' ? 'all' : which === 'chosen' ? chosen : [] },
      { onSuccess: () => notifications.show({ color: 'green', message: t('evidence.dossiers.queued') }) },
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
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} mb={4} id="dossier-language">
              {t('evidence.dossiers.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="dossier-language"
              value={language}
              onChange={(value) => setLanguage(value as DossierLanguage)}
              data={[
                { value: 'ru', label: t('common.languageNames.ru') },
                { value: 'en', label: t('common.languageNames.en') },
              ]}
            />
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('evidence.dossiers.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={errors.from} />
            <TextInput type="date" label={t('evidence.dossiers.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} />
          </SimpleGrid>
          <Radio.Group label={t('evidence.dossiers.documents')} value={which} onChange={(value) => setWhich(value as typeof which)}>
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
              value={chosen}
              onChange={setChosen}
              nothingFoundMessage={t('evidence.dossiers.nothingFound')}
            />
          )}
          {request.error && !(request.error instanceof ApiError && Object.keys(errors).length > 0) && <Alert color="red">{request.error.message}</Alert>}
          <Group>
            <Button leftSection={<IconFileZip size={16} />} onClick={submit} loading={request.isPending} disabled={which === 'chosen' && chosen.length === 0}>
              {t('evidence.dossiers.build')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Title order={2} size="h4">
        {t('evidence.dossiers.made')}
      </Title>
      <QueryState isLoading={dossiers.isLoading} error={dossiers.error} isEmpty={(dossiers.data ?? []).length === 0} empty={t('evidence.dossiers.empty')}>
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evidence.dossiers.created')}</Table.Th>
                <Table.Th>{t('evidence.dossiers.period')}</Table.Th>
                <Table.Th>{t('evidence.dossiers.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dossiers.data?.map((dossier) => (
                <Table.Tr key={dossier.id} data-testid="dossier-row">
                  <Table.Td>
                    <Text size="sm">{formatDateTime(i18n.language, dossier.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {dossier.requestedBy?.name} · {t(`common.languageNames.${dossier.language}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {dossier.from || dossier.to
                        ? `${dossier.from ? formatDay(i18n.language, dossier.from) : '…'} — ${dossier.to ? formatDay(i18n.language, dossier.to) : '…'}`
                        : t('evidence.dossiers.allTime')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
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
                  </Table.Td>
                  <Table.Td>
                    {dossier.status === 'done' && (
                      <Button component="a" href={dossierDownloadUrl(dossier.id)} download size="xs" variant="light" leftSection={<IconDownload size={14} />}>
                        {t('evidence.dossiers.download')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
    </Stack>
  );
}
