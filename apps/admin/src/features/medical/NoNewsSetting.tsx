import { Button, Group, NumberInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MedicalSettings } from '@habeas/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';

/** The case's "no news" threshold: days without a medical check-in before an alert opens. */
export function NoNewsSetting(props: { caseId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['medical-settings', props.caseId];
  const settings = useQuery({ queryKey: key, queryFn: () => api<MedicalSettings>(`/api/cases/${props.caseId}/medical-settings`) });
  const [days, setDays] = useState<number | string>('');
  useEffect(() => {
    if (settings.data) setDays(settings.data.noNewsDays);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (noNewsDays: number) => api<MedicalSettings>(`/api/cases/${props.caseId}/medical-settings`, { method: 'PUT', body: { noNewsDays } }),
    onSuccess: (data) => {
      client.setQueryData(key, data);
      notifications.show({ color: 'green', message: t('medical.settings.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', title: t('common.error'), message: error.message }),
  });
  if (!settings.data) return null;
  return (
    <Group align="flex-end" gap="xs">
      <NumberInput label={t('medical.settings.noNewsDays')} min={1} max={365} w={220} value={days} onChange={setDays} />
      <Button
        variant="light"
        loading={save.isPending}
        disabled={typeof days !== 'number' || days === settings.data.noNewsDays}
        onClick={() => typeof days === 'number' && save.mutate(days)}
      >
        {t('common.save')}
      </Button>
    </Group>
  );
}
