import { ActionIcon, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addCaseMemberRequest, can, caseRoles, type CaseMember, type CaseRole, roleCan } from '@habeas/contracts';
import { useCurrentUser } from '../../../app/session';
import { ConfirmDialog } from '../../../shared/ConfirmDialog';
import { QueryState } from '../../../shared/QueryState';
import { DataTable } from '../../../shared/DataTable';
import { showServerErrors, useContractForm } from '../../../shared/form';
import { useUserPicker } from '../../users/hooks';
import { useTeam, useTeamMutations } from '../hooks';
import { FormError } from '../../../shared/FormError';

/** Who works on the case: everyone on it sees the team; admins add and remove members. */
export function TeamTab(props: { caseId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canManage = can(user, 'cases:manage-members');
  const team = useTeam(props.caseId);
  const { remove } = useTeamMutations(props.caseId);
  const [removing, setRemoving] = useState<CaseMember | null>(null);
  const removeMember = (member: CaseMember) =>
    remove.mutate(member, {
      onSuccess: () => {
        setRemoving(null);
        notifications.show({ color: 'green', message: t('cases.team.removed', { name: member.name }) });
      },
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    });
  return (
    <Stack>
      <QueryState isLoading={team.isLoading} error={team.error} isEmpty={team.items.length === 0} empty={t('cases.team.empty')}>
        <DataTable
          testId="team-table"
          striped
          rows={team.items}
          rowKey={(member) => member.userId}
          rowProps={(member) => ({ 'data-testid': `member-${member.email}` })}
          columns={[
            {
              key: 'name',
              header: t('cases.team.name'),
              cell: (member) => (
                <>
                  {member.name}
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {member.email}
                  </Text>
                </>
              ),
            },
            { key: 'role', header: t('cases.team.roleOnCase'), cell: (member) => t(`cases.team.roles.${member.roleOnCase}`) },
            canManage && {
              key: 'actions',
              header: t('cases.team.actions'),
              cell: (member) => (
                <ActionIcon variant="subtle" color="red" aria-label={t('cases.team.remove', { name: member.name })} onClick={() => setRemoving(member)}>
                  <IconTrash size={16} />
                </ActionIcon>
              ),
            },
          ]}
        />
      </QueryState>
      {canManage ? (
        <AddMember caseId={props.caseId} members={team.items} />
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
        onConfirm={() => removing && removeMember(removing)}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}

function AddMember(props: { caseId: string; members: CaseMember[] }) {
  const { t } = useTranslation();
  const users = useUserPicker('for-team');
  const { add } = useTeamMutations(props.caseId);
  const form = useContractForm({ initialValues: { userId: '', roleOnCase: 'counsel' as CaseRole }, schema: addCaseMemberRequest });
  const candidates = users.items.filter((u) => roleCan(u.role, 'cases:read') && u.status !== 'disabled' && !props.members.some((m) => m.userId === u.id));
  const submit = form.onSubmit((values) =>
    add.mutate(values, {
      onSuccess: (member) => {
        form.setFieldValue('userId', '');
        notifications.show({ color: 'green', message: t('cases.team.added', { name: member.name }) });
      },
      onError: (error) => showServerErrors(form, error),
    }),
  );
  const errors = form.errors as Record<string, string | undefined>;
  return (
    <Stack gap="xs" component="section" aria-labelledby="team-add">
      <Title order={2} size="h4" id="team-add">
        {t('cases.team.addTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <FormError message={errors._} />
          <Group align="flex-end">
            <Select
              label={t('cases.team.person')}
              searchable
              w={300}
              data={candidates.map((u) => ({ value: u.id, label: `${u.name} · ${t(`users.roles.${u.role}`)}` }))}
              nothingFoundMessage={t('cases.team.nobodyToAdd')}
              {...form.getInputProps('userId')}
              value={form.values.userId || null}
              onChange={(value) => form.setFieldValue('userId', value ?? '')}
            />
            <Select
              label={t('cases.team.roleOnCase')}
              w={220}
              allowDeselect={false}
              data={caseRoles.map((role) => ({ value: role, label: t(`cases.team.roles.${role}`) }))}
              {...form.getInputProps('roleOnCase')}
            />
            <Button type="submit" disabled={!form.values.userId} loading={add.isPending}>
              {t('cases.team.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
