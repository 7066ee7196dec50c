import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { acceptInviteRequest } from '@habeas/contracts';
import { ApiError } from '../../shared/api';
import { showServerErrors, useContractForm } from '../../shared/form';
import { useSetPassword, type OneTimeLink } from './hooks';
import { FormError } from '../../shared/FormError';

/**
 * The landing page of a one-time link (an invite, a password reset): the person chooses a password, then signs in.
 * `texts` are i18n keys.
 */
export function SetPasswordPage(props: {
  link: OneTimeLink;
  texts: { title: string; hint: string; submit: string; done: string; invalid: string };
  doneTestId: string;
}) {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const accept = useSetPassword(props.link);
  // The token comes from the link, not the reader: only the password is checked before sending.
  const form = useContractForm({ initialValues: { password: '', repeat: '' }, schema: acceptInviteRequest.pick({ password: true }) });
  const errors = form.errors as Record<string, string | undefined>;
  const mismatch = form.values.repeat.length > 0 && form.values.repeat !== form.values.password;
  const submit = form.onSubmit((values) => {
    if (mismatch) return;
    accept.mutate(
      { token, password: values.password },
      {
        // A refused link (used, expired, unknown) is told in words; a password the API rejects is shown beside it.
        onError: (error) => {
          const aboutPassword =
            error instanceof ApiError && (error.body.field === 'password' || Boolean(error.body.issues?.some((issue) => issue.path === 'password')));
          const refused = error instanceof ApiError && error.status < 500 && !aboutPassword;
          showServerErrors(form, refused ? new Error(t(props.texts.invalid)) : error);
        },
      },
    );
  });
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} component="form" onSubmit={submit} noValidate>
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
              <PasswordInput label={t('account.newPassword')} autoComplete="new-password" required {...form.getInputProps('password')} />
              <PasswordInput
                label={t('users.repeatPassword')}
                autoComplete="new-password"
                required
                {...form.getInputProps('repeat')}
                error={mismatch ? t('users.passwordsDiffer') : undefined}
              />
              <FormError message={errors._} />
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
