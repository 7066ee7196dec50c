import { Button, CopyButton, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shows a one-time link (invite or password reset) to hand over, with a copy button. */
export function LinkDialog(props: { link: { url: string; title: string; hint: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const url = props.link?.url ?? '';
  return (
    <Modal opened={props.link !== null} onClose={props.onClose} title={props.link?.title}>
      <Stack>
        <Text size="sm">{props.link?.hint}</Text>
        <TextInput readOnly value={url} aria-label={props.link?.title} data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button onClick={copy} variant={copied ? 'light' : 'filled'}>
              {copied ? t('users.copied') : t('users.copy')}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Modal>
  );
}
