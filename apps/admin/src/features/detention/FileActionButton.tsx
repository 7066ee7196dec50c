import { updateLegalActionRequest, type LegalAction, type UpdateLegalActionRequest } from '@habeas/contracts';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors, useContractForm } from '../../shared/form';
import { DocumentPicker } from '../documents/DocumentPicker';
import { useUpdateLegalAction } from './hooks';
import { FormError } from '../../shared/FormError';

const toFiling = (values: { documentId: string | null }): UpdateLegalActionRequest => ({ status: 'filed', documentId: values.documentId });

/** "Mark as filed": the lawyer names the filed document (its generated draft by default, or any case document). */
export function FileActionButton({ action }: { action: LegalAction }) {
  const { t } = useTranslation();
  const update = useUpdateLegalAction();
  const [open, setOpen] = useState(false);
  const form = useContractForm({ initialValues: { documentId: action.documentId }, schema: updateLegalActionRequest, toRequest: toFiling });
  const errors = form.errors as Record<string, string | undefined>;
  const file = form.onSubmit((values) =>
    update.mutate(
      { id: action.id, body: toFiling(values) },
      {
        onSuccess: () => {
          setOpen(false);
          notifications.show({ color: 'green', message: t('drafts.moved', { status: t('detention.actionStatus.filed') }) });
        },
        onError: (error) => showServerErrors(form, error),
      },
    ),
  );
  return (
    <>
      <Button size="xs" color="green" onClick={() => setOpen(true)}>
        {t('detention.actions.file')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('detention.actions.file')}>
        <form onSubmit={file} noValidate>
          <Stack>
            <DocumentPicker
              caseId={action.caseId}
              value={form.values.documentId}
              onChange={(id) => form.setFieldValue('documentId', id)}
              label={t('documentEdit.picker.filedDocument')}
              error={errors.documentId}
            />
            <FormError message={errors._} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('documentEdit.cancel')}
              </Button>
              <Button type="submit" color="green" loading={update.isPending} data-testid="file-action-confirm">
                {t('detention.actions.file')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
