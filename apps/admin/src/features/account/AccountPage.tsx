import { Alert, Stack } from '@mantine/core';
import { can } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { PageHeader } from '../../shared/PageHeader';
import { AlertChannelsCard } from '../alerting/AlertChannelsCard';
import { CalendarFeedCard } from '../cases/CalendarFeedCard';
import { LawyerProfileCard } from './LawyerProfileCard';
import { PasswordCard } from './PasswordCard';
import { SessionsSection } from './SessionsSection';
import { TwoFactorCard } from './TwoFactorCard';

/** The signed-in user's own settings, one card each; until a required second factor is set up, only that card. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('account.title')} />
      {user.mfaSetupRequired && (
        <Alert color="orange" mb="md" data-testid="mfa-required">
          {t('account.mfaRequiredNotice')}
        </Alert>
      )}
      <Stack>
        <TwoFactorCard />
        {!user.mfaSetupRequired && (
          <>
            {can(user, 'legal:work') && <LawyerProfileCard />}
            <PasswordCard />
            <SessionsSection />
            <AlertChannelsCard />
            <CalendarFeedCard />
          </>
        )}
      </Stack>
    </>
  );
}
