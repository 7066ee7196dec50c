import { Alert, Badge, Button, Card, Code, Group, Image, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enableMfaRequest, reauthRequest, type MfaSetupResponse } from '@habeas/contracts';
import { useCurrentUser } from '../../app/session';
import { ApiError } from '../../shared/api';
import { showServerErrors, useContractForm } from '../../shared/form';
import { useBeginMfaSetup, useDisableMfa, useEnableMfa, useRecoveryCodesLeft, useRefreshSession, useRegenerateRecoveryCodes } from './hooks';
import { RecoveryCodes } from './RecoveryCodes';
import { FormError } from '../../shared/FormError';

/** A refused re-authentication (403) is told as "wrong password" in the reader's language. */
function useReauthError() {
  const { t } = useTranslation();
  return (error: unknown) => (error instanceof ApiError && error.status === 403 ? new Error(t('account.reauthFailed')) : error);
}

/** Two-factor sign-in: set it up from a QR code, or (once on) issue new recovery codes or turn it off. */
export function TwoFactorCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [setup, setSetup] = useState<MfaSetupResponse | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const begin = useBeginMfaSetup();
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
          <Button onClick={() => begin.mutate(undefined, { onSuccess: setSetup })} loading={begin.isPending}>
            {t('account.mfaStart')}
          </Button>
          {begin.error && <Alert color="red">{begin.error.message}</Alert>}
        </Stack>
      )}
      {!user.mfaEnabled && setup && (
        <MfaEnableForm
          setup={setup}
          onEnabled={(issued) => {
            setCodes(issued);
            setSetup(null);
          }}
        />
      )}
      {user.mfaEnabled && <MfaManage onCodes={setCodes} />}
    </Card>
  );
}

function MfaEnableForm(props: { setup: MfaSetupResponse; onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  const enable = useEnableMfa();
  const refreshSession = useRefreshSession();
  const reauthError = useReauthError();
  const form = useContractForm({ initialValues: { totp: '', password: '' }, schema: enableMfaRequest });
  const errors = form.errors as Record<string, string | undefined>;
  useEffect(() => {
    void QRCode.toDataURL(props.setup.otpauthUrl, { margin: 1, width: 200 }).then(setQr);
  }, [props.setup]);
  const submit = form.onSubmit((values) =>
    enable.mutate(values, {
      onSuccess: async (result) => {
        props.onEnabled(result.codes);
        await refreshSession();
      },
      onError: (error) => showServerErrors(form, reauthError(error)),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start">
        {qr && <Image src={qr} w={200} h={200} alt={t('account.qrAlt')} data-testid="mfa-qr" />}
        <Stack style={{ flex: 1 }}>
          <Text size="sm">{t('account.mfaScan')}</Text>
          <Text size="sm">
            {t('account.mfaSecret')} <Code data-testid="mfa-secret">{props.setup.secret}</Code>
          </Text>
          <TextInput label={t('account.mfaCode')} inputMode="numeric" autoComplete="one-time-code" required {...form.getInputProps('totp')} />
          <PasswordInput
            label={t('account.confirmPassword')}
            description={t('account.mfaEndsSessions')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <FormError message={errors._} />
          <Group>
            <Button type="submit" loading={enable.isPending}>
              {t('account.mfaEnable')}
            </Button>
          </Group>
        </Stack>
      </Group>
    </form>
  );
}

function MfaManage(props: { onCodes: (codes: string[] | null) => void }) {
  const { t } = useTranslation();
  const remaining = useRecoveryCodesLeft();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableMfa();
  const refreshSession = useRefreshSession();
  const reauthError = useReauthError();
  const form = useContractForm({ initialValues: { password: '' }, schema: reauthRequest });
  const errors = form.errors as Record<string, string | undefined>;
  const onError = (error: unknown) => showServerErrors(form, reauthError(error));
  const renew = form.onSubmit((values) =>
    regenerate.mutate(values, {
      onSuccess: (result) => {
        props.onCodes(result.codes);
        form.reset();
      },
      onError,
    }),
  );
  const turnOff = form.onSubmit((values) =>
    disable.mutate(values, {
      onSuccess: async () => {
        form.reset();
        props.onCodes(null);
        notifications.show({ color: 'green', message: t('account.mfaDisabled') });
        await refreshSession();
      },
      onError,
    }),
  );
  return (
    <form onSubmit={renew} noValidate>
      <Stack>
        <Text size="sm">{t('account.recoveryLeft', { count: remaining.data?.remaining ?? 0 })}</Text>
        <PasswordInput label={t('account.confirmPassword')} autoComplete="current-password" maw={360} {...form.getInputProps('password')} />
        <FormError message={errors._} />
        <Group>
          <Button type="submit" variant="light" loading={regenerate.isPending}>
            {t('account.recoveryRegenerate')}
          </Button>
          <Button color="red" variant="light" onClick={() => turnOff()} loading={disable.isPending}>
            {t('account.mfaDisable')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
