import { Alert, Badge, Button, Card, Code, Group, Image, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaSetupResponse, RecoveryCodesResponse } from '@habeas/contracts';
import { sessionKey, useCurrentUser } from '../../app/session';
import { api, ApiError, fieldErrors } from '../../shared/api';
import { CalendarFeedCard } from '../cases/CalendarFeedCard';
import { AlertChannelsCard } from '../alerting/AlertChannelsCard';
import { LawyerProfileCard } from './LawyerProfileCard';
import { SessionsSection } from './SessionsSection';
import { PageHeader } from '../../shared/PageHeader';

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
        <MfaSection />
        {!user.mfaSetupRequired && (
          <>
            {(user.role === 'lawyer' || user.role === 'admin') && <LawyerProfileCard />}
            <PasswordSection />
            <SessionsSection />
            <AlertChannelsCard />
            <CalendarFeedCard />
          </>
        )}
      </Stack>
    </>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () => api('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      notifications.show({ color: 'green', message: t('account.passwordChanged') });
    },
  });
  const errors = fieldErrors(change.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Title order={2} size="h4" mb="sm">
        {t('account.password')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PasswordInput
          label={t('account.currentPassword')}
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors.currentPassword}
        />
        <PasswordInput
          label={t('account.newPassword')}
          description={t('account.newPasswordHint')}
          autoComplete="new-password"
          required
          minLength={12}
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          error={errors.newPassword ?? errors.password}
        />
      </SimpleGrid>
      {change.error && !Object.keys(errors).length && (
        <Alert color="red" mt="sm">
          {change.error.message}
        </Alert>
      )}
      <Group mt="md">
        <Button type="submit" loading={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </Group>
    </Card>
  );
}

function RecoveryCodes(props: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('account.recoveryTitle')} data-testid="recovery-codes">
      <Text size="sm" mb="xs">
        {t('account.recoveryHint')}
      </Text>
      <SimpleGrid cols={2} spacing={4}>
        {props.codes.map((code) => (
          <Code key={code}>{code}</Code>
        ))}
      </SimpleGrid>
    </Alert>
  );
}

function MfaSection() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const client = useQueryClient();
  const [setup, setSetup] = useState<MfaSetupResponse | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const remaining = useQuery({
    queryKey: ['account', 'recovery-codes'],
    queryFn: () => api<{ remaining: number }>('/api/auth/mfa/recovery-codes'),
    enabled: user.mfaEnabled,
  });

  useEffect(() => {
    if (!setup) return;
    void QRCode.toDataURL(setup.otpauthUrl, { margin: 1, width: 200 }).then(setQr);
  }, [setup]);

  const begin = useMutation({ mutationFn: () => api<MfaSetupResponse>('/api/auth/mfa/setup', { method: 'POST' }), onSuccess: setSetup });
  const enable = useMutation({
    mutationFn: async () => {
      await api('/api/auth/mfa/enable', { method: 'POST', body: { totp: code, password } });
      return api<RecoveryCodesResponse>('/api/auth/mfa/recovery-codes', { method: 'POST', body: {} });
    },
    onSuccess: async (result) => {
      setCodes(result.codes);
      setSetup(null);
      setCode('');
      setPassword('');
      await client.invalidateQueries({ queryKey: sessionKey });
    },
  });
  const regenerate = useMutation({
    mutationFn: () => api<RecoveryCodesResponse>('/api/auth/mfa/recovery-codes', { method: 'POST', body: { password } }),
    onSuccess: (result) => {
      setCodes(result.codes);
      setPassword('');
      void remaining.refetch();
    },
  });
  const disable = useMutation({
    mutationFn: () => api('/api/auth/mfa/disable', { method: 'POST', body: { password } }),
    onSuccess: async () => {
      setPassword('');
      setCodes(null);
      await client.invalidateQueries({ queryKey: sessionKey });
      notifications.show({ color: 'green', message: t('account.mfaDisabled') });
    },
  });
  const errorOf = (error: unknown) =>
    error instanceof ApiError && error.status === 403 ? t('account.reauthFailed') : error instanceof Error ? error.message : null;

  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('account.mfa')}
        </Title>
        {user.mfaEnabled ? <Badge color="green">{t('account.mfaOn')}</Badge> : <Badge color="gray">{t('account.mfaOff')}</Badge>}
      </Group>
      {codes && <RecoveryCodes codes={codes} />}
      {!user.mfaEnabled && !setup && (
        <Stack align="flex-start">
          <Text size="sm">{t('account.mfaIntro')}</Text>
          <Button onClick={() => begin.mutate()} loading={begin.isPending}>
            {t('account.mfaStart')}
          </Button>
          {begin.error && <Alert color="red">{begin.error.message}</Alert>}
        </Stack>
      )}
      {!user.mfaEnabled && setup && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            enable.mutate();
          }}
        >
          <Group align="flex-start">
            {qr && <Image src={qr} w={200} h={200} alt={t('account.qrAlt')} data-testid="mfa-qr" />}
            <Stack style={{ flex: 1 }}>
              <Text size="sm">{t('account.mfaScan')}</Text>
              <Text size="sm">
                {t('account.mfaSecret')} <Code data-testid="mfa-secret">{setup.secret}</Code>
              </Text>
              <TextInput
                label={t('account.mfaCode')}
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('account.confirmPassword')}
                description={t('account.mfaEndsSessions')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              {enable.error && <Alert color="red">{errorOf(enable.error)}</Alert>}
              <Group>
                <Button type="submit" loading={enable.isPending}>
                  {t('account.mfaEnable')}
                </Button>
              </Group>
            </Stack>
          </Group>
        </form>
      )}
      {user.mfaEnabled && (
        <Stack>
          <Text size="sm">{t('account.recoveryLeft', { count: remaining.data?.remaining ?? 0 })}</Text>
          <PasswordInput
            label={t('account.confirmPassword')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            maw={360}
          />
          {(regenerate.error || disable.error) && <Alert color="red">{errorOf(regenerate.error ?? disable.error)}</Alert>}
          <Group>
            <Button variant="light" onClick={() => regenerate.mutate()} loading={regenerate.isPending}>
              {t('account.recoveryRegenerate')}
            </Button>
            <Button color="red" variant="light" onClick={() => disable.mutate()} loading={disable.isPending}>
              {t('account.mfaDisable')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
