import { Button, Card, Group, PasswordInput, SimpleGrid, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { changePasswordRequest } from '@habeas/contracts';
import { showServerErrors, useContractForm } from '../../shared/form';
import { useChangePassword } from './hooks';
import { FormError } from '../../shared/FormError';

const fieldOf = { password: 'newPassword' } as const;

/** Changes the own password; the current one is required (the API then ends every other session). */
export function PasswordCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useContractForm({ initialValues: { currentPassword: '', newPassword: '' }, schema: changePasswordRequest, fieldOf });
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) =>
    change.mutate(values, {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'green', message: t('account.passwordChanged') });
      },
      onError: (error) => showServerErrors(form, error, fieldOf),
    }),
  );
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Title order={2} size="h4" mb="sm">
        {t('account.password')}
      </Title>
      <FormError message={errors._} mb="sm" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PasswordInput label={t('account.currentPassword')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        <PasswordInput
          label={t('account.newPassword')}
          description={t('account.newPasswordHint')}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit" loading={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </Group>
    </Card>
  );
}
