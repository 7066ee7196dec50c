import { Alert, Anchor, Button, Card, Group, List, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { alertPreferences, type AlertPreferences, type TestAlertResult } from '@habeas/contracts';
import { IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { showServerErrors, useContractForm } from '../../shared/form';
import { ConfirmButton } from '../banking/ConfirmButton';
import {
  useDevices,
  usePreferences,
  useRemoveDevice,
  useSavePreferences,
  useSubscribeDevice,
  useTelegram,
  useTelegramLink,
  useTelegramUnlink,
  useTestAlert,
} from './hooks';
import { FormError } from '../../shared/FormError';

const pushSupported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** The account page's alert channels: this device (Web Push), Telegram, quiet hours and a test alert. */
export function AlertChannelsCard() {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="alert-channels">
      <Title order={2} size="h4" mb="xs">
        {t('alerting.title')}
      </Title>
      <Alert color="blue" variant="light" icon={<IconShieldLock />} mb="md" data-testid="privacy-note">
        {t('alerting.privacy')}
      </Alert>
      <Stack gap="lg">
        <DevicesSection />
        <TelegramSection />
        <PreferencesSection />
        <TestSection />
      </Stack>
    </Card>
  );
}

function DevicesSection() {
  const { t, i18n } = useTranslation();
  const devices = useDevices();
  const subscribe = useSubscribeDevice();
  const remove = useRemoveDevice();
  const items = devices.data?.items ?? [];
  const failure = subscribe.error?.message === 'permission' ? t('alerting.push.denied') : subscribe.error?.message;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('alerting.push.title')}
      </Title>
      {pushSupported() ? (
        <Group>
          <Button
            onClick={() => subscribe.mutate(undefined, { onSuccess: () => notifications.show({ color: 'green', message: t('alerting.push.added') }) })}
            loading={subscribe.isPending}
            data-testid="push-subscribe"
          >
            {t('alerting.push.subscribe')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('alerting.push.unsupported')}
        </Text>
      )}
      {failure && <Alert color="red">{failure}</Alert>}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('alerting.push.none')}
        </Text>
      ) : (
        <List size="sm" spacing={4} data-testid="push-devices">
          {items.map((device) => (
            <List.Item key={device.id}>
              <Group gap="xs">
                <Text size="sm">{t('alerting.push.device', { host: device.host, at: formatDateTime(device.createdAt, i18n.language) })}</Text>
                <ConfirmButton
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  label={t('alerting.push.remove')}
                  question={t('alerting.push.removeQuestion')}
                  loading={remove.isPending && remove.variables === device.id}
                  onConfirm={() => remove.mutate(device.id)}
                />
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function TelegramSection() {
  const { t, i18n } = useTranslation();
  const status = useTelegram();
  const link = useTelegramLink();
  const unlink = useTelegramUnlink();
  if (!status.data) return null;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Title order={3} size="h5">
          Telegram
        </Title>
        {status.data.linked && (
          <Text size="sm" fw={600}>
            · {t('alerting.telegram.linkedBadge')}
          </Text>
        )}
      </Group>
      {!status.data.configured ? (
        <Text size="sm" c="dimmed">
          {t('alerting.telegram.notConfigured')}
        </Text>
      ) : status.data.linked ? (
        <Group>
          <Text size="sm">{t('alerting.telegram.linkedSince', { at: formatDateTime(status.data.linkedAt!, i18n.language) })}</Text>
          <ConfirmButton
            size="xs"
            variant="light"
            color="red"
            label={t('alerting.telegram.unlink')}
            question={t('alerting.telegram.unlinkQuestion')}
            loading={unlink.isPending}
            onConfirm={() => unlink.mutate()}
          />
        </Group>
      ) : (
        <Stack gap="xs" align="flex-start">
          <Button variant="light" onClick={() => link.mutate()} loading={link.isPending} data-testid="telegram-link">
            {t('alerting.telegram.link')}
          </Button>
          {link.data && (
            <Text size="sm">
              {t('alerting.telegram.openHint')}{' '}
              <Anchor
                href={link.data.link}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="telegram-deeplink"
                onClick={() => setTimeout(() => void status.refetch(), 5000)}
              >
                {t('alerting.telegram.open')}
              </Anchor>
            </Text>
          )}
          {link.error && <Alert color="red">{link.error.message}</Alert>}
        </Stack>
      )}
    </Stack>
  );
}

function PreferencesSection() {
  const preferences = usePreferences();
  return preferences.data ? <PreferencesForm saved={preferences.data} /> : null;
}

function PreferencesForm(props: { saved: AlertPreferences }) {
  const { t } = useTranslation();
  const save = useSavePreferences();
  const form = useContractForm({ initialValues: props.saved, schema: alertPreferences });
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: () => notifications.show({ color: 'green', message: t('alerting.preferences.saved') }),
      onError: (error) => showServerErrors(form, error),
    }),
  );
  const quiet = form.values.quietHours;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('alerting.preferences.title')}
        </Title>
        <Select
          label={t('alerting.preferences.language')}
          maw={260}
          allowDeselect={false}
          data={[
            { value: 'ru', label: t('common.languageNames.ru') },
            { value: 'en', label: t('common.languageNames.en') },
          ]}
          {...form.getInputProps('language')}
        />
        <Switch
          label={t('alerting.preferences.quiet')}
          description={t('alerting.preferences.quietHint')}
          checked={!!quiet}
          onChange={(event) => form.setFieldValue('quietHours', event.currentTarget.checked ? { start: '23:00', end: '07:00' } : null)}
        />
        {quiet && (
          <Group>
            <TextInput type="time" label={t('alerting.preferences.from')} {...form.getInputProps('quietHours.start')} />
            <TextInput type="time" label={t('alerting.preferences.to')} {...form.getInputProps('quietHours.end')} />
          </Group>
        )}
        <FormError message={errors._} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TestSection() {
  const { t } = useTranslation();
  const test = useTestAlert();
  const [result, setResult] = useState<TestAlertResult | null>(null);
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" onClick={() => test.mutate(undefined, { onSuccess: setResult })} loading={test.isPending} data-testid="test-alert">
        {t('alerting.test.send')}
      </Button>
      {result && (
        <Text size="sm" data-testid="test-result">
          {result.notifications.length === 0
            ? t('alerting.test.noChannels')
            : result.notifications.map((n) => `${t(`alerting.channel.${n.channel}`)}: ${t(`alerting.status.${n.status}`)}`).join(' · ')}
        </Text>
      )}
      {test.error && <Alert color="red">{test.error.message}</Alert>}
    </Stack>
  );
}
