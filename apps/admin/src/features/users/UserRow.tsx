import { ActionIcon, Badge, Group, Menu, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, roles, type Role, type User } from '@habeas/contracts';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { useIssueResetLink, useReinvite, useRevokeInvite, useUpdateUser } from './hooks';

export interface ShownLink {
  url: string;
  title: string;
  hint: string;
}

type Pending = { kind: 'role'; role: Role } | { kind: 'disable' } | { kind: 'enable' } | { kind: 'revoke' } | null;

function StatusBadge({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  if (user.status === 'disabled') return <Badge color="red">{t('users.disabled')}</Badge>;
  if (user.status === 'active') return <Badge color="green">{t('users.active')}</Badge>;
  const expired = !user.inviteExpiresAt || new Date(user.inviteExpiresAt) < new Date();
  return (
    <Badge color={expired ? 'orange' : 'blue'} variant="light" data-testid="invite-status">
      {expired ? t('users.inviteExpired') : t('users.invitePending', { date: formatDateTime(user.inviteExpiresAt!, i18n.language) })}
    </Badge>
  );
}

/** One user in the admin's table: role and access changes are confirmed and reported; pending invites can be resent or revoked. */
export function UserRow(props: {
  user: User;
  isMe: boolean;
  onLink: (link: ShownLink) => void;
  onEndSessions: (id: string) => void;
  onRegistry: (user: User) => void;
}) {
  const { user } = props;
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState<Pending>(null);
  const roleName = (role: Role) => t(`users.roles.${role}`);
  const done = (message: string) => {
    setPending(null);
    notifications.show({ color: 'green', message });
  };
  const update = useUpdateUser((saved) =>
    done(
      pending?.kind === 'role'
        ? t('users.roleChanged', { name: saved.name, role: roleName(saved.role) })
        : t(saved.disabled ? 'users.userDisabled' : 'users.userEnabled', { name: saved.name }),
    ),
  );
  const revoke = useRevokeInvite((saved) => done(t('users.inviteRevoked', { name: saved.name })));
  const reinvite = useReinvite((result) => {
    props.onLink({
      url: result.inviteUrl,
      title: t('users.inviteLinkTitle'),
      hint: result.mailed ? t('users.inviteMailed', { email: user.email }) : t('users.inviteLinkHint'),
    });
  });
  const reset = useIssueResetLink((result) =>
    props.onLink({
      url: result.resetUrl,
      title: t('users.resetLinkTitle'),
      hint: t('users.resetLinkHint', { date: formatDateTime(result.expiresAt, i18n.language) }),
    }),
  );
  const confirm = () => {
    if (pending?.kind === 'role') update.mutate({ id: user.id, role: pending.role });
    else if (pending?.kind === 'disable' || pending?.kind === 'enable') update.mutate({ id: user.id, disabled: pending.kind === 'disable' });
    else if (pending?.kind === 'revoke') revoke.mutate(user.id);
  };
  const dialog =
    pending?.kind === 'role'
      ? {
          title: t('users.confirmRoleTitle'),
          message: t('users.confirmRole', { name: user.name, from: roleName(user.role), to: roleName(pending.role) }),
          label: t('users.changeRole'),
          danger: false,
        }
      : pending?.kind === 'disable'
        ? { title: t('users.confirmDisableTitle'), message: t('users.confirmDisable', { name: user.name }), label: t('users.disable'), danger: true }
        : pending?.kind === 'enable'
          ? { title: t('users.confirmEnableTitle'), message: t('users.confirmEnable', { name: user.name }), label: t('users.enable'), danger: false }
          : { title: t('users.confirmRevokeTitle'), message: t('users.confirmRevoke', { name: user.name }), label: t('users.revokeInvite'), danger: true };
  return (
    <Table.Tr data-testid={`user-${user.email}`}>
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
          aria-label={t('users.roleOf', { name: user.name })}
          size="xs"
          w={150}
          data={roles.map((r) => ({ value: r, label: roleName(r) }))}
          value={user.role}
          disabled={props.isMe}
          allowDeselect={false}
          onChange={(value) => value && value !== user.role && setPending({ kind: 'role', role: value as Role })}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <StatusBadge user={user} />
          {user.mfaEnabled && <Badge variant="outline">MFA</Badge>}
        </Group>
      </Table.Td>
      <Table.Td>
        {user.lastSignInAt ? (
          formatDateTime(user.lastSignInAt, i18n.language)
        ) : (
          <Text span size="sm" c="dimmed">
            {user.status === 'invited' ? '—' : t('users.never')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={t('users.actions', { email: user.email })}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {user.status === 'invited' && <Menu.Item onClick={() => reinvite.mutate(user.id)}>{t('users.resendInvite')}</Menu.Item>}
            {user.status === 'invited' && (
              <Menu.Item color="red" onClick={() => setPending({ kind: 'revoke' })}>
                {t('users.revokeInvite')}
              </Menu.Item>
            )}
            {user.status === 'active' && <Menu.Item onClick={() => reset.mutate(user.id)}>{t('users.resetLink')}</Menu.Item>}
            {!props.isMe && user.status !== 'invited' && (
              <Menu.Item color={user.disabled ? undefined : 'red'} onClick={() => setPending({ kind: user.disabled ? 'enable' : 'disable' })}>
                {user.disabled ? t('users.enable') : t('users.disable')}
              </Menu.Item>
            )}
            {(user.role === 'lawyer' || user.role === 'admin') && <Menu.Item onClick={() => props.onRegistry(user)}>{t('lawyerProfile.menuItem')}</Menu.Item>}
            <Menu.Item onClick={() => props.onEndSessions(user.id)}>{t('users.endSessions')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <ConfirmDialog
          opened={pending !== null}
          title={dialog.title}
          message={dialog.message}
          confirmLabel={dialog.label}
          danger={dialog.danger}
          loading={update.isPending || revoke.isPending}
          onConfirm={confirm}
          onClose={() => setPending(null)}
        />
      </Table.Td>
    </Table.Tr>
  );
}
