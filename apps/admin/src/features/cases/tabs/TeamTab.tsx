import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseMember } from '@habeas/contracts';
import { useCurrentUser } from '../../../app/session';
import { can } from '@habeas/contracts';
import { QueryState } from '../../../shared/QueryState';
import { usePaged } from '../../../shared/usePaged';

export function TeamTab(props: { caseId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canManage = can(user, 'cases:manage-members');
  const members = usePaged<CaseMember>(['members', props.caseId], `/api/cases/${encodeURIComponent(props.caseId)}/members`, {}, { enabled: canManage });
  if (!canManage) return <Text c="dimmed">{t('cases.team.adminOnly')}</Text>;
  return (
    <QueryState isLoading={members.isLoading} error={members.error} isEmpty={members.items.length === 0} empty={t('cases.team.empty')}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cases.team.name')}</Table.Th>
            <Table.Th>{t('cases.team.email')}</Table.Th>
            <Table.Th>{t('cases.team.roleOnCase')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.items.map((member) => (
            <Table.Tr key={member.userId}>
              <Table.Td>{member.name}</Table.Td>
              <Table.Td>{member.email}</Table.Td>
              <Table.Td>{t(`cases.team.roles.${member.roleOnCase}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </QueryState>
  );
}
