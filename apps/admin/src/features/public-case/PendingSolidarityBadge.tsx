import { Badge } from '@mantine/core';
import { can } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { useSolidarityPosts } from './hooks';

/** How many supporters' posts wait for review ("20+" past the first page); nothing when none wait. */
export function PendingSolidarityBadge(props: { caseId: string }) {
  const { t } = useTranslation();
  const pending = useSolidarityPosts(props.caseId, 'pending', can(useCurrentUser(), 'solidarity:moderate'));
  const waiting = pending.items.length;
  if (waiting === 0) return null;
  return (
    <Badge size="sm" color="orange.9" circle={!pending.hasNextPage} title={t('solidarity.pendingCount', { count: waiting })} data-testid="pending-solidarity">
      {waiting}
      {pending.hasNextPage ? '+' : ''}
    </Badge>
  );
}
