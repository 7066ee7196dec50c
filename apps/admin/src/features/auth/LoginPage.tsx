import { Anchor, Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { loginRequest } from '@habeas/contracts';
import { LanguageSwitch, ThemeSwitch } from '../../app/Layout';
import { useSession } from '../../app/session';
import { ApiError } from '../../shared/api';
import { showServerErrors, useContractForm } from '../../shared/form';
import { useLogin } from './hooks';
import { FormError } from '../../shared/FormError';

/** Sign-in with the second step (TOTP) when the account has MFA enabled. */
export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [needsCode, setNeedsCode] = useState(false);
  const login = useLogin();
  const toRequest = (values: { email: string; password: string; totp: string }) => ({
    email: values.email,
    password: values.password,
    ...(needsCode ? { totp: values.totp } : {}),
  });
  const form = useContractForm({ initialValues: { email: '', password: '', totp: '' }, schema: loginRequest, toRequest });
  const errors = form.errors as Record<string, string | undefined>;

  if (session.data) {
    const from = (location.state as { from?: string } | null)?.from ?? '/';
    return <Navigate to={from} replace />;
  }

  /** What a refused sign-in says: too many tries, wrong credentials; "enter your code" asks for the code without an error. */
  const explain = (error: unknown) => {
    if (!(error instanceof ApiError)) return error;
    if (error.status === 429) return new Error(t('auth.tooMany'));
    if (error.status === 401 && !error.body.mfaRequired) return new Error(t('auth.invalid'));
    return error;
  };
  const submit = form.onSubmit((values) =>
    login.mutate(toRequest(values), {
      onError: (error) => {
        form.clearErrors();
        if (error instanceof ApiError && error.body.mfaRequired && !needsCode) return setNeedsCode(true);
        showServerErrors(form, explain(error));
      },
    }),
  );

  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} component="form" onSubmit={submit} noValidate>
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h3">
              {t('auth.signInTitle')}
            </Title>
            <Group gap={4}>
              <ThemeSwitch />
            </Group>
          </Group>
          <LanguageSwitch />
          <FormError message={errors._} data-testid="login-error" />
          <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          {needsCode && (
            <>
              <Text size="sm" c="dimmed">
                {t('auth.totpHint')}
              </Text>
              <TextInput label={t('auth.totp')} autoComplete="one-time-code" autoFocus required {...form.getInputProps('totp')} />
            </>
          )}
          <Button type="submit" loading={login.isPending}>
            {t('auth.signIn')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            {t('auth.forgotLink')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
