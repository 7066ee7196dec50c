import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { useAdminContacts } from '../users/hooks';

/** The first screen of someone who is on no case yet: what happens next and whom to ask. */
export function NoCasesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const admins = useAdminContacts();
  return (
    <Stack maw={720} data-testid="no-cases">
      <PageHeader title={t('welcome.title', { name: user.name })} />
      <Text>{t('welcome.noCases')}</Text>
      <Text>{t(`welcome.whatYouWillSee.${user.role}`)}</Text>
      <Card withBorder component="section" aria-labelledby="who-to-ask">
        <Title order={2} size="h4" id="who-to-ask" mb="xs">
          {t('welcome.whoToAsk')}
        </Title>
        <QueryState isLoading={admins.isLoading} error={admins.error} isEmpty={admins.data?.items.length === 0} empty={t('welcome.noAdmins')}>
          <List data-testid="admin-contacts">
            {admins.data?.items.map((admin) => (
              <List.Item key={admin.email}>
                {admin.name} — <Anchor href={`mailto:${admin.email}`}>{admin.email}</Anchor>
              </List.Item>
            ))}
          </List>
        </QueryState>
      </Card>
      <Card withBorder component="section" aria-labelledby="meanwhile">
        <Title order={2} size="h4" id="meanwhile" mb="xs">
          {t('welcome.meanwhile')}
        </Title>
        <Text size="sm">
          {t('welcome.secureAccount')}{' '}
          <Anchor component={Link} to="/account">
            {t('welcome.accountLink')}
          </Anchor>
        </Text>
      </Card>
    </Stack>
  );
}
