import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useEraseDonor } from './hooks';

/** Erasing a donor, behind a confirmation that says what goes and what stays. */
export function EraseDonorButton({ donorId, donorLabel }: { donorId: string; donorLabel: string }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const eraseDonor = useEraseDonor(donorId);
  const erase = {
    isPending: eraseDonor.isPending,
    mutate: () =>
      eraseDonor.mutate(undefined, {
        onSuccess: () => {
          close();
          notifications.show({ color: 'green', message: t('erase.done') });
        },
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      }),
  };
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="gray" onClick={open} aria-label={`${t('erase.button')} ${donorLabel}`}>
        {t('erase.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('erase.title', { donor: donorLabel })}>
        <Stack>
          <Text size="sm">{t('erase.removes')}</Text>
          <List size="sm">
            <List.Item>{t('erase.identity')}</List.Item>
            <List.Item>{t('erase.mails')}</List.Item>
            <List.Item>{t('erase.links')}</List.Item>
          </List>
          <Text size="sm">{t('erase.keeps')}</Text>
          <Text size="sm" fw={600}>
            {t('erase.final')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('erase.cancel')}
            </Button>
            <Button color="red" loading={erase.isPending} onClick={() => erase.mutate()} data-testid="erase-confirm">
              {t('erase.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
