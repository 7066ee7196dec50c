import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader';
import { CalendarFeedCard } from './CalendarFeedCard';

/** A minimal account page holding the calendar card until the identity area's Account page takes it in. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('nav.account')} />
      <CalendarFeedCard />
    </Stack>
  );
}
