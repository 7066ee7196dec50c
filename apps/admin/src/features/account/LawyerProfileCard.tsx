import { Card, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { useRefreshSession } from './hooks';
import { RegistryNumberForm } from './RegistryNumberForm';

/** On the Account page of lawyers (and admins who also sign filings): the registry number drafts need. */
export function LawyerProfileCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const refreshSession = useRefreshSession();
  return (
    <Card withBorder data-testid="lawyer-profile">
      <Title order={2} size="h4" mb="sm">
        {t('lawyerProfile.title')}
      </Title>
      <RegistryNumberForm value={user.advocateRegistryNumber} onSaved={() => void refreshSession()} />
    </Card>
  );
}
