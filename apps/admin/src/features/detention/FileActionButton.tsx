import type { LegalAction } from '@habeas/contracts';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentPicker } from '../documents/DocumentPicker';
import { useUpdateLegalAction } from './hooks';

/** "Mark as filed": the lawyer names the filed document (its generated draft by default, or any case document). */
export function FileActionButton({ action }: { action: LegalAction }) {
  const { t } = useTranslation();
  const update = useUpdateLegalAction();
  const [open, setOpen] = useState(false);
  const [documentId, setDocumentId] = useState<string | null>(action.documentId);
  const file = () =>
    update.mutate(
      { id: action.id, body: { status: 'filed', documentId } },
      {
        onSuccess: () => {
          setOpen(false);
          notifications.show({ color: 'green', message: t('drafts.moved', { status: t('detention.actionStatus.filed') }) });
        },
      },
    );
  return (
    <>
      <Button size="xs" color="green" onClick={() => setOpen(true)}>
        {t('detention.actions.file')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('detention.actions.file')}>
        <Stack>
          <DocumentPicker caseId={action.caseId} value={documentId} onChange={setDocumentId} label={t('documentEdit.picker.filedDocument')} />
          {update.error && (
            <Text size="sm" c="red">
              {update.error.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('documentEdit.cancel')}
            </Button>
            <Button color="green" onClick={file} loading={update.isPending} data-testid="file-action-confirm">
              {t('detention.actions.file')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
