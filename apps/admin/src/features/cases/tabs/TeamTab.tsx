import { ActionIcon, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, caseRoles, type CaseMember, type CaseRole, type User } from '@habeas/contracts';
import { useCurrentUser } from '../../../app/session';
import { api } from '../../../shared/api';
import { ConfirmDialog } from '../../../shared/ConfirmDialog';
import { QueryState } from '../../../shared/QueryState';
import { usePaged } from '../../../shared/usePaged';

const teamKey = (caseId: string) => ['team', caseId] as const;

/** Who works on the case: everyone on it sees the team; admins add and remove members. */
export function TeamTab(props: { caseId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canManage = can(user, 'cases:manage-members');
  const client = useQueryClient();
  const team = usePaged<CaseMember>(teamKey(props.caseId), `/api/cases/${encodeURIComponent(props.caseId)}/team`);
  const [removing, setRemoving] = useState<CaseMember | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: teamKey(props.caseId) });
  const remove = useMutation({
    mutationFn: (member: CaseMember) => api<void>(`/api/cases/${encodeURIComponent(props.caseId)}/members/${member.userId}`, { method: 'DELETE' }),
    onSuccess: (_, member) => {
      setRemoving(null);
      void refresh();
      notifications.show({ color: 'green', message: t('cases.team.removed', { name: member.name }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  return (
    <Stack>
      <QueryState isLoading={team.isLoading} error={team.error} isEmpty={team.items.length === 0} empty={t('cases.team.empty')}>
        <Table striped data-testid="team-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.team.name')}</Table.Th>
              <Table.Th>{t('cases.team.roleOnCase')}</Table.Th>
              {canManage && <Table.Th>{t('cases.team.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {team.items.map((member) => (
              <Table.Tr key={member.userId} data-testid={`member-${member.email}`}>
                <Table.Td>
                  {member.name}
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {member.email}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`cases.team.roles.${member.roleOnCase}`)}</Table.Td>
                {canManage && (
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={t('cases.team.remove', { name: member.name })} onClick={() => setRemoving(member)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </QueryState>
      {canManage ? (
        <AddMember caseId={props.caseId} members={team.items} onAdded={refresh} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('cases.team.adminOnly')}
        </Text>
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('cases.team.confirmRemoveTitle')}
        message={t('cases.team.confirmRemove', { name: removing?.name ?? '' })}
        confirmLabel={t('cases.team.removeButton')}
        danger
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}

function AddMember(props: { caseId: string; members: CaseMember[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const users = usePaged<User>(['users', 'for-team'], '/api/users', { limit: 100 });
  const [userId, setUserId] = useState<string | null>(null);
  const [roleOnCase, setRoleOnCase] = useState<CaseRole>('counsel');
  const candidates = users.items.filter((u) => u.role !== 'finance' && u.status !== 'disabled' && !props.members.some((m) => m.userId === u.id));
  const add = useMutation({
    mutationFn: () => api<CaseMember>(`/api/cases/${encodeURIComponent(props.caseId)}/members`, { method: 'POST', body: { userId, roleOnCase } }),
    onSuccess: (member) => {
      setUserId(null);
      props.onAdded();
      notifications.show({ color: 'green', message: t('cases.team.added', { name: member.name }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby="team-add">
      <Title order={2} size="h4" id="team-add">
        {t('cases.team.addTitle')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('cases.team.person')}
          searchable
          w={300}
          data={candidates.map((u) => ({ value: u.id, label: `${u.name} · ${t(`users.roles.${u.role}`)}` }))}
          value={userId}
          onChange={setUserId}
          nothingFoundMessage={t('cases.team.nobodyToAdd')}
        />
        <Select
          label={t('cases.team.roleOnCase')}
          w={220}
          allowDeselect={false}
          data={caseRoles.map((role) => ({ value: role, label: t(`cases.team.roles.${role}`) }))}
          value={roleOnCase}
          onChange={(value) => value && setRoleOnCase(value as CaseRole)}
        />
        <Button disabled={!userId} loading={add.isPending} onClick={() => add.mutate()}>
          {t('cases.team.add')}
        </Button>
      </Group>
    </Stack>
  );
}
