import { Button, Checkbox, Group, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { knownConditions, medicalSettings, type KnownCondition } from '@habeas/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useContractForm } from '../../shared/form';
import { useMedicalSettings, useSaveMedicalSettings } from './hooks';

interface Values {
  noNewsDays: number | string;
  knownConditions: KnownCondition[];
}

/** The case's alert settings: days without a medical check-in before an alert opens; known conditions. */
export function NoNewsSetting(props: { caseId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const settings = useMedicalSettings(props.caseId);
  const form = useContractForm<Values>({ initialValues: { noNewsDays: '', knownConditions: [] }, schema: medicalSettings });
  useEffect(() => {
    if (settings.data) {
      form.setInitialValues(settings.data);
      form.setValues(settings.data);
    }
  }, [settings.data]);
  const { noNewsDays: days, knownConditions: conditions } = form.values;
  const save = useSaveMedicalSettings(props.caseId);
  if (!settings.data) return null;
  const unchanged = days === settings.data.noNewsDays && [...conditions].sort().join() === [...settings.data.knownConditions].sort().join();
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text fw={600} size="sm" component="h2" m={0}>
          {t('medical.settings.title')}
        </Text>
        <Group align="flex-end" gap="lg">
          <NumberInput label={t('medical.settings.noNewsDays')} min={1} max={365} w={260} {...form.getInputProps('noNewsDays')} disabled={!props.canWrite} />
          <Checkbox.Group label={t('medical.settings.conditions')} {...form.getInputProps('knownConditions')} data-testid="known-conditions">
            <Group gap="md" mt={6}>
              {knownConditions.map((condition) => (
                <Checkbox key={condition} value={condition} label={t(`medical.conditions.${condition}`)} disabled={!props.canWrite} />
              ))}
            </Group>
          </Checkbox.Group>
          {props.canWrite && (
            <Button
              variant="light"
              loading={save.isPending}
              disabled={typeof days !== 'number' || unchanged}
              onClick={() =>
                typeof days === 'number' &&
                save.mutate(
                  { noNewsDays: days, knownConditions: conditions },
                  {
                    onSuccess: () => notifications.show({ color: 'green', message: t('medical.settings.saved') }),
                    onError: (error) => notifications.show({ color: 'red', title: t('common.error'), message: error.message }),
                  },
                )
              }
            >
              {t('common.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
