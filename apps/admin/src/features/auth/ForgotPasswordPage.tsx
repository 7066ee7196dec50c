import { Alert, Anchor, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, fieldErrors } from '../../shared/api';
import { QueryState } from '../../shared/QueryState';
import { usePasswordResetOptions } from '../users/hooks';

/** "Forgot password": a mailed link when mail is configured, otherwise whom to ask for one. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const options = usePasswordResetOptions();
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => api('/api/auth/password-reset/request', { method: 'POST', body: { email } }) });
  const errors = fieldErrors(request.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} component="form" onSubmit={submit}>
        <Stack>
          <Title order={1} size="h3">
            {t('auth.forgot.title')}
          </Title>
          <QueryState isLoading={options.isLoading} error={options.error}>
            {options.data?.byMail === false && (
              <Alert color="blue" data-testid="reset-by-admin">
                {t('auth.forgot.askAdmin')}
              </Alert>
            )}
            {options.data?.byMail && request.isSuccess && (
              <Alert color="green" data-testid="reset-mailed">
                {t('auth.forgot.mailed', { email })}
              </Alert>
            )}
            {options.data?.byMail && !request.isSuccess && (
              <>
                <Text size="sm">{t('auth.forgot.hint')}</Text>
                <TextInput
                  label={t('auth.email')}
                  type="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={errors.email}
                />
                {request.error && !errors.email && <Alert color="red">{request.error.message}</Alert>}
                <Button type="submit" loading={request.isPending}>
                  {t('auth.forgot.submit')}
                </Button>
              </>
            )}
          </QueryState>
          <Anchor component={Link} to="/login" size="sm">
            {t('auth.forgot.back')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
