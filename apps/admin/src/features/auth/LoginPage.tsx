import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { LoginResponse } from '@habeas/contracts';
import { LanguageSwitch, ThemeSwitch } from '../../app/Layout';
import { sessionKey, useSession } from '../../app/session';
import { api, ApiError } from '../../shared/api';

/** Sign-in with the second step (TOTP) when the account has MFA enabled. */
export function LoginPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const session = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsCode, setNeedsCode] = useState(false);

  const login = useMutation({
    mutationFn: () => api<LoginResponse>('/api/auth/login', { method: 'POST', body: { email, password, ...(needsCode ? { totp } : {}) } }),
    onSuccess: (response) => client.setQueryData(sessionKey, response.user),
    onError: (error) => {
      if (error instanceof ApiError && error.body.mfaRequired) setNeedsCode(true);
    },
  });

  if (session.data) {
    const from = (location.state as { from?: string } | null)?.from ?? '/';
    return <Navigate to={from} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  const error = login.error instanceof ApiError ? login.error : null;
  const message =
    error?.status === 429
      ? t('auth.tooMany')
      : error?.body.mfaRequired && !needsCode
        ? null
        : error?.status === 401 && !error.body.mfaRequired
          ? t('auth.invalid')
          : error?.message;

  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} component="form" onSubmit={submit}>
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
          {message && (
            <Alert color="red" data-testid="login-error">
              {message}
            </Alert>
          )}
          <TextInput label={t('auth.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {needsCode && (
            <>
              <Text size="sm" c="dimmed">
                {t('auth.totpHint')}
              </Text>
              <TextInput label={t('auth.totp')} autoComplete="one-time-code" autoFocus required value={totp} onChange={(e) => setTotp(e.currentTarget.value)} />
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
