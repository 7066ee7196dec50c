import { ActionIcon, Badge, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, type Role, type User, roleCan } from '@habeas/contracts';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { useIssueResetLink, useReinvite, useRevokeInvite, useUpdateUser } from './hooks';

export interface ShownLink {
  url: string;
  title: string;
  hint: string;
}

/** A change to a user that waits for the admin's confirmation. */
export type PendingChange = { user: User } & ({ kind: 'role'; role: Role } | { kind: 'disable' } | { kind: 'enable' } | { kind: 'revoke' });

export function StatusBadge({ user }: { user: User }) {
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

/** A user's actions menu: resend or revoke an invite, a reset link, access on or off, registry number, end sessions. */
export function UserMenu(props: {
  user: User;
  isMe: boolean;
  onPending: (change: PendingChange) => void;
  onLink: (link: ShownLink) => void;
  onEndSessions: (id: string) => void;
  onRegistry: (user: User) => void;
}) {
  const { user } = props;
  const { t, i18n } = useTranslation();
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
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={t('users.actions', { email: user.email })}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {user.status === 'invited' && <Menu.Item onClick={() => reinvite.mutate(user.id)}>{t('users.resendInvite')}</Menu.Item>}
        {user.status === 'invited' && (
          <Menu.Item color="red" onClick={() => props.onPending({ user, kind: 'revoke' })}>
            {t('users.revokeInvite')}
          </Menu.Item>
        )}
        {user.status === 'active' && <Menu.Item onClick={() => reset.mutate(user.id)}>{t('users.resetLink')}</Menu.Item>}
        {!props.isMe && user.status !== 'invited' && (
          <Menu.Item color={user.disabled ? undefined : 'red'} onClick={() => props.onPending({ user, kind: user.disabled ? 'enable' : 'disable' })}>
            {user.disabled ? t('users.enable') : t('users.disable')}
          </Menu.Item>
        )}
        {roleCan(user.role, 'legal:work') && <Menu.Item onClick={() => props.onRegistry(user)}>{t('lawyerProfile.menuItem')}</Menu.Item>}
        <Menu.Item onClick={() => props.onEndSessions(user.id)}>{t('users.endSessions')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Asks before a role change, access on or off, or revoking an invite; reports what was done. */
export function ConfirmUserChange(props: { pending: PendingChange | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { pending } = props;
  const roleName = (role: Role) => t(`users.roles.${role}`);
  const done = (message: string) => {
    props.onClose();
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
  const confirm = () => {
    if (pending?.kind === 'role') update.mutate({ id: pending.user.id, role: pending.role });
    else if (pending?.kind === 'disable' || pending?.kind === 'enable') update.mutate({ id: pending.user.id, disabled: pending.kind === 'disable' });
    else if (pending?.kind === 'revoke') revoke.mutate(pending.user.id);
  };
  const name = pending?.user.name ?? '';
  const dialog =
    pending?.kind === 'role'
      ? {
          title: t('users.confirmRoleTitle'),
          message: t('users.confirmRole', { name, from: roleName(pending.user.role), to: roleName(pending.role) }),
          label: t('users.changeRole'),
          danger: false,
        }
      : pending?.kind === 'disable'
        ? { title: t('users.confirmDisableTitle'), message: t('users.confirmDisable', { name }), label: t('users.disable'), danger: true }
        : pending?.kind === 'enable'
          ? { title: t('users.confirmEnableTitle'), message: t('users.confirmEnable', { name }), label: t('users.enable'), danger: false }
          : { title: t('users.confirmRevokeTitle'), message: t('users.confirmRevoke', { name }), label: t('users.revokeInvite'), danger: true };
  return (
    <ConfirmDialog
      opened={pending !== null}
      title={dialog.title}
      message={dialog.message}
      confirmLabel={dialog.label}
      danger={dialog.danger}
      loading={update.isPending || revoke.isPending}
      onConfirm={confirm}
      onClose={props.onClose}
    />
  );
}
