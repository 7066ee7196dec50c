import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { advocateRegistryNumber } from '@habeas/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../../shared/api';

/**
 * An advocate's registry number ("77/15342"), which every generated filing carries after the lawyer's name.
 * `path` is where it is saved: `/api/auth/me` for one's own, `/api/users/:id` for an admin editing a lawyer.
 */
export function RegistryNumberForm(props: { path: string; value: string; onSaved: (value: string) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(props.value);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (number: string) => api(props.path, { method: 'PATCH', body: { advocateRegistryNumber: number } }),
    onSuccess: (_, number) => {
      notifications.show({ color: 'green', message: t('lawyerProfile.saved') });
      props.onSaved(number);
    },
    onError: (failure) => setError(fieldErrors(failure).advocateRegistryNumber ?? (failure as Error).message),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = advocateRegistryNumber.safeParse(value);
    if (!parsed.success) return setError(t('lawyerProfile.format'));
    setError(null);
    save.mutate(parsed.data);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="registry-number-form">
      <Stack gap="xs">
        <TextInput
          label={t('lawyerProfile.registryNumber')}
          description={t('lawyerProfile.registryHint')}
          placeholder="77/15342"
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={error}
          maxLength={20}
          w={{ base: '100%', sm: 320 }}
        />
        {!props.value && (
          <Text size="sm" c="orange.9">
            {t('lawyerProfile.missing')}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('lawyerProfile.save')}
          </Button>
          {props.onCancel && (
            <Button variant="default" onClick={props.onCancel}>
              {t('lawyerProfile.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
