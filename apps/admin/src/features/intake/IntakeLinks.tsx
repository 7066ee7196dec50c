import { Alert, Badge, Box, Button, CopyButton, Group, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createIntakeLinkRequest, type IntakeLink } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/DataTable';
import { useFormat } from '../../shared/format';
import { showServerErrors, useContractForm } from '../../shared/form';
import { QueryState } from '../../shared/QueryState';
import { useIntakeLinks, useIntakeMutations } from './hooks';
import { FormError } from '../../shared/FormError';

const lifetimes = ['0', '7', '30', '90'] as const;

function linkState(link: IntakeLink): 'active' | 'revoked' | 'expired' {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt && Date.parse(link.expiresAt) <= Date.now()) return 'expired';
  return 'active';
}

/** The request for a new link: its label and, unless it lives until revoked, when it stops working. */
const linkRequest = (values: { label: string; days: string }) => ({
  label: values.label,
  expiresAt: values.days === '0' ? undefined : new Date(Date.now() + Number(values.days) * 86_400_000).toISOString(),
});

/** Links for relatives: made by a lawyer, shown once in full (only its hash is kept), revocable. */
export function IntakeLinks(props: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const links = useIntakeLinks(props.caseId, true);
  const { createLink, revokeLink } = useIntakeMutations(props.caseId);
  const [made, setMade] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<IntakeLink | null>(null);
  const form = useContractForm({ initialValues: { label: '', days: '30' }, schema: createIntakeLinkRequest, toRequest: linkRequest });
  const errors = form.errors as Record<string, string | undefined>;
  const create = form.onSubmit((values) =>
    createLink.mutate(linkRequest(values), {
      onSuccess: (created) => {
        setMade(created.url);
        form.setFieldValue('label', '');
      },
      onError: (error) => showServerErrors(form, error),
    }),
  );

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        {t('intake.links.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw={720}>
        {t('intake.links.hint')}
      </Text>
      <form onSubmit={create} noValidate>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('intake.links.label')} placeholder={t('intake.links.labelPlaceholder')} maxLength={200} {...form.getInputProps('label')} />
          <Select
            label={t('intake.links.lifetime')}
            data={lifetimes.map((value) => ({ value, label: t(`intake.links.lifetimes.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('days')}
          />
          <Button type="submit" loading={createLink.isPending}>
            {t('intake.links.create')}
          </Button>
        </Group>
        <FormError message={errors._} mt="sm" />
      </form>
      {made && (
        <Alert color="green" mt="sm" title={t('intake.links.madeTitle')} data-testid="new-intake-link">
          <Text size="sm" mb="xs">
            {t('intake.links.madeText')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="intake-url">
              {made}
            </Text>
            <CopyButton value={made}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('intake.links.copied') : t('intake.links.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      <QueryState isLoading={links.isLoading} error={links.error} isEmpty={(links.data?.items.length ?? 0) === 0} empty={t('intake.links.empty')}>
        <Box mt="md">
          <DataTable
            minWidth={560}
            label={t('intake.links.title')}
            rows={links.data?.items ?? []}
            rowKey={(link) => link.id}
            columns={[
              { key: 'label', header: t('intake.links.label'), cell: (link) => link.label || '—' },
              {
                key: 'created',
                header: t('intake.links.created'),
                cell: (link) => `${format.date(link.createdAt)} ${link.createdByName ? `· ${link.createdByName}` : ''}`,
              },
              { key: 'expires', header: t('intake.links.expires'), cell: (link) => (link.expiresAt ? format.date(link.expiresAt) : t('intake.links.never')) },
              { key: 'reports', header: t('intake.links.reports'), cell: (link) => link.reportCount },
              {
                key: 'state',
                header: t('intake.links.state'),
                cell: (link) => (
                  <Badge variant="light" color={linkState(link) === 'active' ? 'green' : 'gray'}>
                    {t(`intake.links.states.${linkState(link)}`)}
                  </Badge>
                ),
              },
              {
                key: 'revoke',
                header: null,
                cell: (link) =>
                  linkState(link) === 'active' && (
                    <Button size="xs" variant="light" color="red" onClick={() => setRevoking(link)}>
                      {t('intake.links.revoke')}
                    </Button>
                  ),
              },
            ]}
          />
        </Box>
      </QueryState>
      <Modal opened={!!revoking} onClose={() => setRevoking(null)} title={t('intake.links.revokeTitle')}>
        <Stack>
          <Text size="sm">{t('intake.links.revokeText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('intake.cancel')}
            </Button>
            <Button
              color="red"
              loading={revokeLink.isPending}
              onClick={() =>
                revoking &&
                revokeLink.mutate(revoking.id, {
                  onSuccess: () => {
                    setRevoking(null);
                    notifications.show({ message: t('intake.links.revoked') });
                  },
                })
              }
            >
              {t('intake.links.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
