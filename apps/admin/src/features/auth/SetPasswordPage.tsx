import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, fieldErrors } from '../../shared/api';

/**
 * The landing page of a one-time link (an invite, a password reset): the person chooses a password, then signs in.
 * `endpoint` takes `{token, password}`; `texts` are i18n keys.
 */
export function SetPasswordPage(props: {
  endpoint: string;
  texts: { title: string; hint: string; submit: string; done: string; invalid: string };
  doneTestId: string;
}) {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const accept = useMutation({ mutationFn: () => api(props.endpoint, { method: 'POST', body: { token, password } }) });
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
            {t(props.texts.title)}
          </Title>
          {accept.isSuccess ? (
            <>
              <Alert color="green" data-testid={props.doneTestId}>
                {t(props.texts.done)}
              </Alert>
              <Button component={Link} to="/login">
                {t('auth.signIn')}
              </Button>
            </>
          ) : (
            <>
              <Text size="sm">{t(props.texts.hint)}</Text>
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
                <Alert color="red">{accept.error instanceof ApiError && accept.error.status < 500 ? t(props.texts.invalid) : accept.error.message}</Alert>
              )}
              <Button type="submit" loading={accept.isPending}>
                {t(props.texts.submit)}
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
