import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can, type FundSettings } from '@habeas/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { api, fieldErrors } from '../../shared/api';

const fundKey = ['donations', 'fund'] as const;

/** The fund's legal name in both languages, as every donor's receipt prints it. */
export function FundSettingsCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: fundKey, queryFn: () => api<FundSettings>('/api/fund-settings') });
  const [names, setNames] = useState({ ru: '', en: '' });
  useEffect(() => settings.data && setNames(settings.data.legalName), [settings.data]);
  const save = useMutation({
    mutationFn: () => api<FundSettings>('/api/fund-settings', { method: 'PUT', body: { legalName: names } }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('fund.saved') });
      await client.invalidateQueries({ queryKey: fundKey });
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const editable = can(user, 'money:write');
  return (
    <Card withBorder mt="xl" component="form" onSubmit={submit} data-testid="fund-settings">
      <Stack gap="sm">
        <Text fw={600} component="h2" m={0} size="lg">
          {t('fund.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('fund.help')}
        </Text>
        <Group align="flex-start" grow>
          <TextInput
            label={t('fund.legalNameRu')}
            value={names.ru}
            readOnly={!editable}
            onChange={(e) => setNames((n) => ({ ...n, ru: e.currentTarget.value }))}
            error={errors['legalName.ru']}
          />
          <TextInput
            label={t('fund.legalNameEn')}
            value={names.en}
            readOnly={!editable}
            onChange={(e) => setNames((n) => ({ ...n, en: e.currentTarget.value }))}
            error={errors['legalName.en']}
          />
        </Group>
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
