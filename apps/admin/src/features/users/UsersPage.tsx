import { ActionIcon, Alert, Badge, Button, Card, Checkbox, CopyButton, Group, Menu, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RegistryNumberForm } from '../account/RegistryNumberForm';
import { roles, type CreateUserResponse, type MfaPolicy, type Role, type User } from '@habeas/contracts';
import { useCurrentUser } from '../../app/session';
import { api, fieldErrors } from '../../shared/api';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [inviting, setInviting] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [registryOf, setRegistryOf] = useState<User | null>(null);
  const users = usePaged<User>(['users'], '/api/users', { q });
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });
  const update = useMutation({
    mutationFn: (change: { id: string; role?: Role; disabled?: boolean }) =>
      api<User>(`/api/users/${change.id}`, { method: 'PATCH', body: { role: change.role, disabled: change.disabled } }),
    onSuccess: () => void refresh(),
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const endSessions = useMutation({
    mutationFn: (id: string) => api<{ ended: number }>(`/api/users/${id}/sessions/revoke`, { method: 'POST' }),
    onSuccess: (result) => notifications.show({ color: 'green', message: t('users.sessionsEnded', { count: result.ended }) }),
  });
  const reinvite = useMutation({
    mutationFn: (id: string) => api<{ inviteUrl: string }>(`/api/users/${id}/invite`, { method: 'POST' }),
    onSuccess: (result) => setLink(result.inviteUrl),
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  return (
    <>
      <PageHeader title={t('users.title')}>
        <TextInput leftSection={<IconSearch size={16} />} placeholder={t('common.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Button onClick={() => setInviting(true)}>{t('users.invite')}</Button>
      </PageHeader>
      <Stack>
        <QueryState isLoading={users.isLoading} error={users.error} isEmpty={users.items.length === 0} empty={t('users.empty')}>
          <Table striped highlightOnHover data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('users.email')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th>{t('users.lastSignIn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.items.map((user) => (
                <Table.Tr key={user.id} data-testid={`user-${user.email}`}>
                  <Table.Td>
                    {user.name}
                    {user.role === 'lawyer' && user.advocateRegistryNumber && (
                      <Text size="xs" c="dimmed">
                        {t('lawyerProfile.registryNumber')}: {user.advocateRegistryNumber}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('users.role')}
                      size="xs"
                      w={140}
                      data={roles.map((r) => ({ value: r, label: t(`users.roles.${r}`) }))}
                      value={user.role}
                      disabled={user.id === me.id}
                      allowDeselect={false}
                      onChange={(value) => value && value !== user.role && update.mutate({ id: user.id, role: value as Role })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.disabled ? <Badge color="red">{t('users.disabled')}</Badge> : <Badge color="green">{t('users.active')}</Badge>}
                      {user.mfaEnabled && <Badge variant="outline">MFA</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{user.lastSignInAt ? new Date(user.lastSignInAt).toLocaleString(i18n.language) : t('users.never')}</Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon variant="subtle" aria-label={t('users.actions', { email: user.email })}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {user.id !== me.id && (
                          <Menu.Item color={user.disabled ? undefined : 'red'} onClick={() => update.mutate({ id: user.id, disabled: !user.disabled })}>
                            {user.disabled ? t('users.enable') : t('users.disable')}
                          </Menu.Item>
                        )}
                        {(user.role === 'lawyer' || user.role === 'admin') && (
                          <Menu.Item onClick={() => setRegistryOf(user)}>{t('lawyerProfile.menuItem')}</Menu.Item>
                        )}
                        <Menu.Item onClick={() => endSessions.mutate(user.id)}>{t('users.endSessions')}</Menu.Item>
                        {!user.lastSignInAt && <Menu.Item onClick={() => reinvite.mutate(user.id)}>{t('users.newInvite')}</Menu.Item>}
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
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
          if (created.inviteUrl) setLink(created.inviteUrl);
        }}
      />
      <Modal opened={registryOf !== null} onClose={() => setRegistryOf(null)} title={t('lawyerProfile.modalTitle', { name: registryOf?.name })}>
        {registryOf && (
          <RegistryNumberForm
            path={`/api/users/${registryOf.id}`}
            value={registryOf.advocateRegistryNumber}
            onCancel={() => setRegistryOf(null)}
            onSaved={() => {
              setRegistryOf(null);
              void refresh();
            }}
          />
        )}
      </Modal>
      <Modal opened={link !== null} onClose={() => setLink(null)} title={t('users.inviteLinkTitle')}>
        <Stack>
          <Text size="sm">{t('users.inviteLinkHint')}</Text>
          <TextInput readOnly aria-label={t('users.inviteLinkTitle')} value={link ?? ''} data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={link ?? ''}>
            {({ copied, copy }) => (
              <Button onClick={copy} variant={copied ? 'light' : 'filled'}>
                {copied ? t('users.copied') : t('users.copy')}
              </Button>
            )}
          </CopyButton>
        </Stack>
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
