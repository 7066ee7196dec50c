import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { updateMeRequest } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { showServerErrors, useContractForm } from '../../shared/form';
import { useSaveRegistryNumber } from './hooks';
import { FormError } from '../../shared/FormError';

/**
 * An advocate's registry number ("77/15342"), which every generated filing carries after the lawyer's name.
 * Saved as one's own, or, with `userId`, by an admin for that lawyer.
 */
export function RegistryNumberForm(props: { userId?: string; value: string; onSaved: (value: string) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRegistryNumber(props.userId);
  const form = useContractForm({ initialValues: { advocateRegistryNumber: props.value }, schema: updateMeRequest });
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) => {
    const number = values.advocateRegistryNumber.trim();
    save.mutate(
      { advocateRegistryNumber: number },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('lawyerProfile.saved') });
          props.onSaved(number);
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate data-testid="registry-number-form">
      <Stack gap="xs">
        <FormError message={errors._} />
        <TextInput
          label={t('lawyerProfile.registryNumber')}
          description={t('lawyerProfile.registryHint')}
          placeholder="77/15342"
          maxLength={20}
          w={{ base: '100%', sm: 320 }}
          {...form.getInputProps('advocateRegistryNumber')}
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
