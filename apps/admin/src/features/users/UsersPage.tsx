import { Badge, Button, Card, Checkbox, Group, Modal, Select, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createUserRequest, formatDateTime, mfaPolicy, roles, type CreateUserResponse, type Role, type User, roleCan } from '@habeas/contracts';
import { RegistryNumberForm } from '../account/RegistryNumberForm';
import { LinkDialog } from './LinkDialog';
import { ConfirmUserChange, StatusBadge, UserMenu, type PendingChange, type ShownLink } from './UserActions';
import { useCurrentUser } from '../../app/session';
import { DataTable } from '../../shared/DataTable';
import { showServerErrors, useContractForm } from '../../shared/form';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { useCreateUser, useEndUserSessions, useMfaPolicy, useSaveMfaPolicy, useUsers } from './hooks';
import { FormError } from '../../shared/FormError';

/** The admin's list of users: roles and access changes are confirmed and reported; pending invites can be resent or revoked. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [inviting, setInviting] = useState(false);
  const [link, setLink] = useState<ShownLink | null>(null);
  const [registryOf, setRegistryOf] = useState<User | null>(null);
  const [pending, setPending] = useState<PendingChange | null>(null);
  const users = useUsers(q);
  const endSessions = useEndUserSessions((ended) => notifications.show({ color: 'green', message: t('users.sessionsEnded', { count: ended }) }));
  const roleName = (role: Role) => t(`users.roles.${role}`);

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
          <DataTable
            testId="users-table"
            striped
            highlightOnHover
            minWidth={760}
            label={t('users.title')}
            rows={users.items}
            rowKey={(user) => user.id}
            rowProps={(user) => ({ 'data-testid': `user-${user.email}` })}
            columns={[
              {
                key: 'name',
                header: t('users.name'),
                cell: (user) => (
                  <>
                    {user.name}
                    {roleCan(user.role, 'legal:work') && user.advocateRegistryNumber && (
                      <Text size="xs" c="dimmed">
                        {t('lawyerProfile.registryNumber')}: {user.advocateRegistryNumber}
                      </Text>
                    )}
                  </>
                ),
              },
              { key: 'email', header: t('users.email'), cell: (user) => user.email },
              {
                key: 'role',
                header: t('users.role'),
                cell: (user) => (
                  <Select
                    aria-label={t('users.roleOf', { name: user.name })}
                    size="xs"
                    w={150}
                    data={roles.map((r) => ({ value: r, label: roleName(r) }))}
                    value={user.role}
                    disabled={user.id === me.id}
                    allowDeselect={false}
                    onChange={(value) => value && value !== user.role && setPending({ user, kind: 'role', role: value as Role })}
                  />
                ),
              },
              {
                key: 'status',
                header: t('users.status'),
                cell: (user) => (
                  <Group gap={4}>
                    <StatusBadge user={user} />
                    {user.mfaEnabled && <Badge variant="outline">MFA</Badge>}
                  </Group>
                ),
              },
              {
                key: 'lastSignIn',
                header: t('users.lastSignIn'),
                cell: (user) =>
                  user.lastSignInAt ? (
                    formatDateTime(user.lastSignInAt, i18n.language)
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {user.status === 'invited' ? '—' : t('users.never')}
                    </Text>
                  ),
              },
              {
                key: 'actions',
                header: <VisuallyHidden>{t('users.actionsColumn')}</VisuallyHidden>,
                cell: (user) => (
                  <UserMenu
                    user={user}
                    isMe={user.id === me.id}
                    onPending={setPending}
                    onLink={setLink}
                    onEndSessions={(id) => endSessions.mutate(id)}
                    onRegistry={setRegistryOf}
                  />
                ),
              },
            ]}
          />
          <LoadMore {...users} />
        </QueryState>
        <MfaPolicyCard />
      </Stack>
      <ConfirmUserChange pending={pending} onClose={() => setPending(null)} />
      <InviteDialog
        opened={inviting}
        onClose={() => setInviting(false)}
        onCreated={(created) => {
          setInviting(false);
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
              void users.refetch();
            }}
          />
        )}
      </Modal>
    </>
  );
}

function InviteDialog(props: { opened: boolean; onClose: () => void; onCreated: (user: CreateUserResponse) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const form = useContractForm({ initialValues: { name: '', email: '', role: 'lawyer' as Role }, schema: createUserRequest });
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) =>
    create.mutate(values, {
      onSuccess: (created) => {
        form.reset();
        props.onCreated(created);
      },
      onError: (error) => showServerErrors(form, error),
    }),
  );
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('users.invite')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={errors._} />
          <TextInput label={t('users.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('users.email')} type="email" required {...form.getInputProps('email')} />
          <Select
            label={t('users.role')}
            data={roles.map((r) => ({ value: r, label: t(`users.roles.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
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
  const policy = useMfaPolicy();
  const save = useSaveMfaPolicy();
  const form = useContractForm({ initialValues: { requiredRoles: [] as string[] }, schema: mfaPolicy });
  const errors = form.errors as Record<string, string | undefined>;
  // The saved policy fills the form whenever it (re)loads.
  useEffect(() => {
    if (policy.data) form.setValues({ requiredRoles: policy.data.requiredRoles });
  }, [policy.data]);

  const submit = form.onSubmit((values) =>
    save.mutate(
      { requiredRoles: values.requiredRoles as Role[] },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('users.mfaPolicySaved') }),
        onError: (error) => showServerErrors(form, error),
      },
    ),
  );
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Title order={2} size="h4">
        {t('users.mfaPolicy')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('users.mfaPolicyHint')}
      </Text>
      <QueryState isLoading={policy.isLoading} error={policy.error}>
        <Checkbox.Group {...form.getInputProps('requiredRoles')}>
          <Group>
            {roles.map((r) => (
              <Checkbox key={r} value={r} label={t(`users.roles.${r}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <FormError message={errors._} mt="sm" />
        <Button type="submit" mt="md" variant="light" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </QueryState>
    </Card>
  );
}
