import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, fieldErrors } from '../../shared/api';

/** The invite link's landing page: the new user chooses a password, then signs in. */
export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const accept = useMutation({ mutationFn: () => api('/api/auth/invites/accept', { method: 'POST', body: { token, password } }) });
  const errors = fieldErrors(accept.error);
  const mismatch = repeat.length > 0 && repeat !== password;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) accept.mutate();
  };
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} component="form" onSubmit={submit}>
        <Stack>
          <Title order={1} size="h3">
            {t('users.acceptTitle')}
          </Title>
          {accept.isSuccess ? (
            <>
              <Alert color="green" data-testid="invite-accepted">
                {t('users.acceptDone')}
              </Alert>
              <Button component={Link} to="/login">
                {t('auth.signIn')}
              </Button>
            </>
          ) : (
            <>
              <Text size="sm">{t('users.acceptHint')}</Text>
              <PasswordInput
                label={t('account.newPassword')}
                autoComplete="new-password"
                required
                minLength={12}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
              />
              <PasswordInput
                label={t('users.repeatPassword')}
                autoComplete="new-password"
                required
                value={repeat}
                onChange={(e) => setRepeat(e.currentTarget.value)}
                error={mismatch ? t('users.passwordsDiffer') : undefined}
              />
              {accept.error && !errors.password && (
                <Alert color="red">{accept.error instanceof ApiError && accept.error.status < 500 ? t('users.inviteInvalid') : accept.error.message}</Alert>
              )}
              <Button type="submit" loading={accept.isPending}>
                {t('users.acceptSubmit')}
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
