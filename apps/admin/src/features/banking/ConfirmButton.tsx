import { Button, Group, Popover, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A destructive or irreversible action behind a confirmation that says what it does. */
export function ConfirmButton({ label, question, onConfirm, loading, ...props }: ButtonProps & { label: string; question: string; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} withArrow trapFocus position="bottom-end">
      <Popover.Target>
        <Button {...props} loading={loading} onClick={() => setOpened((o) => !o)}>
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={320}>
        <Stack gap="xs">
          <Text size="sm">{question}</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" color={props.color} onClick={() => (setOpened(false), onConfirm())}>
              {label}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
