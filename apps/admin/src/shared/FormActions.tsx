import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Cancel and submit at the bottom right of a form; `submitLabel` is an i18n key (default: common.save). */
export function FormActions(props: { onCancel: () => void; pending: boolean; submitLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={props.pending}>
        {t(props.submitLabel ?? 'common.save')}
      </Button>
    </Group>
  );
}
