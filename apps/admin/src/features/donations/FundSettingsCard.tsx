import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, fundSettings, type FundSettings } from '@habeas/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { showServerErrors, useContractForm } from '../../shared/form';
import { useFundSettings, useSaveFundSettings } from './hooks';
import { FormError } from '../../shared/FormError';

/** The fund's legal name in both languages, as every donor's receipt prints it. */
export function FundSettingsCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const settings = useFundSettings();
  const form = useContractForm<FundSettings>({ initialValues: { legalName: { ru: '', en: '' } }, schema: fundSettings });
  useEffect(() => {
    if (settings.data) form.setValues(settings.data);
  }, [settings.data]);
  const save = useSaveFundSettings();
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: () => notifications.show({ color: 'green', message: t('fund.saved') }),
      onError: (error) => showServerErrors(form, error),
    }),
  );
  const editable = can(user, 'money:write');
  return (
    <Card withBorder mt="xl" component="form" onSubmit={submit} noValidate data-testid="fund-settings">
      <Stack gap="sm">
        <Text fw={600} component="h2" m={0} size="lg">
          {t('fund.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('fund.help')}
        </Text>
        <Group align="flex-start" grow>
          <TextInput label={t('fund.legalNameRu')} {...form.getInputProps('legalName.ru')} readOnly={!editable} />
          <TextInput label={t('fund.legalNameEn')} {...form.getInputProps('legalName.en')} readOnly={!editable} />
        </Group>
        <FormError message={errors._} />
        {editable && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('fund.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
