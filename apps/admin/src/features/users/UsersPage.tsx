import { Alert, Button, Card, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type CreateUserResponse, type MfaPolicy, type Role, type User } from '@habeas/contracts';
import { RegistryNumberForm } from '../account/RegistryNumberForm';
import { LinkDialog } from './LinkDialog';
import { UserRow, type ShownLink } from './UserRow';
import { useCurrentUser } from '../../app/session';
import { api, fieldErrors } from '../../shared/api';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [inviting, setInviting] = useState(false);
  const [link, setLink] = useState<ShownLink | null>(null);
  const [registryOf, setRegistryOf] = useState<User | null>(null);
  const users = usePaged<User>(['users'], '/api/users', { q });
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });
  const endSessions = useMutation({
    mutationFn: (id: string) => api<{ ended: number }>(`/api/users/${id}/sessions/revoke`, { method: 'POST' }),
    onSuccess: (result) => notifications.show({ color: 'green', message: t('users.sessionsEnded', { count: result.ended }) }),
  });

  return (
    <>
      <PageHeader title={t('users.title')}>
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('common.search')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Button onClick={() => setInviting(true)}>{t('users.invite')}</Button>
      </PageHeader>
      <Stack>
        <QueryState isLoading={users.isLoading} error={users.error} isEmpty={users.items.length === 0} empty={t('users.empty')}>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.name')}</Table.Th>
                  <Table.Th>{t('users.email')}</Table.Th>
                  <Table.Th>{t('users.role')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                  <Table.Th>{t('users.lastSignIn')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('users.actionsColumn')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.items.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    isMe={user.id === me.id}
                    onLink={setLink}
                    onEndSessions={(id) => endSessions.mutate(id)}
                    onRegistry={setRegistryOf}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore {...users} />
        </QueryState>
        <MfaPolicyCard />
      </Stack>
      <InviteDialog
        opened={inviting}
        onClose={() => setInviting(false)}
        onCreated={(created) => {
          setInviting(false);
          void refresh();
          if (created.inviteUrl) setLink({ url: created.inviteUrl, title: t('users.inviteLinkTitle'), hint: t('users.inviteLinkHint') });
        }}
      />
      <LinkDialog link={link} onClose={() => setLink(null)} />
      <Modal opened={registryOf !== null} onClose={() => setRegistryOf(null)} title={t('lawyerProfile.modalTitle', { name: registryOf?.name })}>
        {registryOf && (
          <RegistryNumberForm
            userId={registryOf.id}
            value={registryOf.advocateRegistryNumber}
            onCancel={() => setRegistryOf(null)}
            onSaved={() => {
              setRegistryOf(null);
              void refresh();
            }}
          />
        )}
      </Modal>
    </>
  );
}

function InviteDialog(props: { opened: boolean; onClose: () => void; onCreated: (user: CreateUserResponse) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('lawyer');
  const create = useMutation({
    mutationFn: () => api<CreateUserResponse>('/api/users', { method: 'POST', body: { email, name, role } }),
    onSuccess: (created) => {
      setEmail('');
      setName('');
      props.onCreated(created);
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('users.invite')}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t('users.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <TextInput label={t('users.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
          <Select
            label={t('users.role')}
            data={roles.map((r) => ({ value: r, label: t(`users.roles.${r}`) }))}
            value={role}
            allowDeselect={false}
            onChange={(value) => value && setRole(value as Role)}
          />
          {create.error && !Object.keys(errors).length && <Alert color="red">{create.error.message}</Alert>}
          <Button type="submit" loading={create.isPending}>
            {t('users.createInvite')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function MfaPolicyCard() {
  const { t } = useTranslation();
  const policy = useQuery({ queryKey: ['settings', 'mfa'], queryFn: () => api<MfaPolicy>('/api/settings/mfa') });
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => {
    if (policy.data) setSelected(policy.data.requiredRoles);
  }, [policy.data]);
  const save = useMutation({
    mutationFn: () => api<MfaPolicy>('/api/settings/mfa', { method: 'PUT', body: { requiredRoles: selected } }),
    onSuccess: () => {
      void policy.refetch();
      notifications.show({ color: 'green', message: t('users.mfaPolicySaved') });
    },
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('users.mfaPolicy')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('users.mfaPolicyHint')}
      </Text>
      <QueryState isLoading={policy.isLoading} error={policy.error}>
        <Checkbox.Group value={selected} onChange={setSelected}>
          <Group>
            {roles.map((r) => (
              <Checkbox key={r} value={r} label={t(`users.roles.${r}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {save.error && (
          <Alert color="red" mt="sm">
            {save.error.message}
          </Alert>
        )}
        <Button mt="md" variant="light" onClick={() => save.mutate()} loading={save.isPending}>
          {t('common.save')}
        </Button>
      </QueryState>
    </Card>
  );
}
