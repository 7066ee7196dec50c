import { Alert, Anchor, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { passwordResetRequest } from '@habeas/contracts';
import { showServerErrors, useContractForm } from '../../shared/form';
import { QueryState } from '../../shared/QueryState';
import { usePasswordResetOptions } from '../users/hooks';
import { useRequestPasswordReset } from './hooks';
import { FormError } from '../../shared/FormError';

/** "Forgot password": a mailed link when mail is configured, otherwise whom to ask for one. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const options = usePasswordResetOptions();
  const request = useRequestPasswordReset();
  const form = useContractForm({ initialValues: { email: '' }, schema: passwordResetRequest });
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) => request.mutate(values, { onError: (error) => showServerErrors(form, error) }));
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} component="form" onSubmit={submit} noValidate>
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
                {t('auth.forgot.mailed', { email: form.values.email })}
              </Alert>
            )}
            {options.data?.byMail && !request.isSuccess && (
              <>
                <Text size="sm">{t('auth.forgot.hint')}</Text>
                <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
                <FormError message={errors._} />
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
