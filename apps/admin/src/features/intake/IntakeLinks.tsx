import { Alert, Badge, Button, CopyButton, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { IntakeLink } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { useIntakeLinks, useIntakeMutations } from './hooks';

const lifetimes = ['0', '7', '30', '90'] as const;

function linkState(link: IntakeLink): 'active' | 'revoked' | 'expired' {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt && Date.parse(link.expiresAt) <= Date.now()) return 'expired';
  return 'active';
}

/** Links for relatives: made by a lawyer, shown once in full (only its hash is kept), revocable. */
export function IntakeLinks(props: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const links = useIntakeLinks(props.caseId, true);
  const { createLink, revokeLink } = useIntakeMutations(props.caseId);
  const [label, setLabel] = useState('');
  const [days, setDays] = useState<string>('30');
  const [made, setMade] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<IntakeLink | null>(null);

  const create = () =>
    createLink.mutate(
      { label, expiresAt: days === '0' ? undefined : new Date(Date.now() + Number(days) * 86_400_000).toISOString() },
      {
        onSuccess: (created) => {
          setMade(created.url);
          setLabel('');
        },
      },
    );

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        {t('intake.links.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw={720}>
        {t('intake.links.hint')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('intake.links.label')}
          placeholder={t('intake.links.labelPlaceholder')}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          maxLength={200}
        />
        <Select
          label={t('intake.links.lifetime')}
          value={days}
          onChange={(value) => setDays(value ?? '30')}
          data={lifetimes.map((value) => ({ value, label: t(`intake.links.lifetimes.${value}`) }))}
          allowDeselect={false}
        />
        <Button onClick={create} loading={createLink.isPending}>
          {t('intake.links.create')}
        </Button>
      </Group>
      {createLink.error && (
        <Alert color="red" mt="sm">
          {createLink.error.message}
        </Alert>
      )}
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
        <Table.ScrollContainer minWidth={560} mt="md">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('intake.links.label')}</Table.Th>
                <Table.Th>{t('intake.links.created')}</Table.Th>
                <Table.Th>{t('intake.links.expires')}</Table.Th>
                <Table.Th>{t('intake.links.reports')}</Table.Th>
                <Table.Th>{t('intake.links.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.data?.items.map((link) => {
                const state = linkState(link);
                return (
                  <Table.Tr key={link.id}>
                    <Table.Td>{link.label || '—'}</Table.Td>
                    <Table.Td>
                      {format.date(link.createdAt)} {link.createdByName ? `· ${link.createdByName}` : ''}
                    </Table.Td>
                    <Table.Td>{link.expiresAt ? format.date(link.expiresAt) : t('intake.links.never')}</Table.Td>
                    <Table.Td>{link.reportCount}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={state === 'active' ? 'green' : 'gray'}>
                        {t(`intake.links.states.${state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {state === 'active' && (
                        <Button size="xs" variant="light" color="red" onClick={() => setRevoking(link)}>
                          {t('intake.links.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
