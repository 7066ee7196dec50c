import { Card, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { sessionKey, useCurrentUser } from '../../app/session';
import { RegistryNumberForm } from './RegistryNumberForm';

/** On the Account page of lawyers (and admins who also sign filings): the registry number drafts need. */
export function LawyerProfileCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const client = useQueryClient();
  return (
    <Card withBorder data-testid="lawyer-profile">
      <Title order={2} size="h4" mb="sm">
        {t('lawyerProfile.title')}
      </Title>
      <RegistryNumberForm path="/api/auth/me" value={user.advocateRegistryNumber} onSaved={() => void client.invalidateQueries({ queryKey: sessionKey })} />
    </Card>
  );
}
