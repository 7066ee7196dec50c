import { Group, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { documentKinds, documentStatuses, updateDocumentRequest } from '@habeas/contracts';
import type { DocumentDetail, DocumentKind, DocumentStatus, UpdateDocumentRequest } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../shared/FormActions';
import { showServerErrors, useContractForm } from '../../shared/form';
import { updateDocument, useRefreshDocuments } from './hooks';
import { FormError } from '../../shared/FormError';

/** The calendar day of a filing instant in Moscow, for a date field ("2026-05-08"). */
const dayOf = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/Moscow' }) : '');
/** A filing date is kept as noon Moscow time of that day, so every zone shows the same day. */
const instantOf = (day: string) => (day ? `${day}T09:00:00.000Z` : null);

interface Values {
  title: string;
  kind: string;
  status: string;
  filedAt: string;
}

/** What changed, as the PATCH the server audits field by field. */
function patchOf(document: DocumentDetail, values: Values): UpdateDocumentRequest {
  const patch: UpdateDocumentRequest = {};
  if (values.title.trim() !== document.title) patch.title = values.title.trim();
  if (values.kind !== document.kind) patch.kind = values.kind as DocumentKind;
  if (values.status !== document.status) patch.status = values.status as DocumentStatus;
  if (values.filedAt !== dayOf(document.filedAt)) patch.filedAt = instantOf(values.filedAt);
  return patch;
}

/** Title, kind, status and filing date of a document, changed in its drawer (the server audits each change). */
export function DocumentEditForm(props: { document: DocumentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshDocuments();
  const form = useContractForm<Values, UpdateDocumentRequest>({
    initialValues: {
      title: props.document.title,
      kind: props.document.kind,
      status: props.document.status,
      filedAt: dayOf(props.document.filedAt),
    },
    schema: updateDocumentRequest,
    toRequest: (values) => patchOf(props.document, values),
  });
  const save = useMutation({
    mutationFn: (patch: UpdateDocumentRequest) =>
      Object.keys(patch).length === 0 ? Promise.resolve(props.document) : updateDocument(props.document.id, patch),
    onSuccess: async () => {
      await refresh();
      notifications.show({ color: 'green', message: t('documentEdit.saved') });
      props.onDone();
    },
    onError: (error) => showServerErrors(form, error),
  });
  const errors = form.errors as Record<string, string | undefined>;
  const field = (name: keyof Values) => form.getInputProps(name);
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(patchOf(props.document, values)))} noValidate data-testid="document-edit">
      <FormError message={errors._} />
      <TextInput
        label={t('documents.title')}
        required
        maxLength={300}
        {...field('title')}
        error={errors.title && !form.values.title.trim() ? t('documentEdit.titleRequired') : errors.title}
      />
      <Group grow mt="xs" align="flex-start">
        <Select
          label={t('documents.kind')}
          allowDeselect={false}
          data={documentKinds.map((value) => ({ value, label: t(`documents.kinds.${value}`) }))}
          {...field('kind')}
        />
        <Select
          label={t('documents.status')}
          allowDeselect={false}
          data={documentStatuses.map((value) => ({ value, label: t(`documents.statuses.${value}`) }))}
          {...field('status')}
        />
      </Group>
      <TextInput mt="xs" type="date" label={t('documents.filedAt')} description={t('documentEdit.filedAtHint')} {...field('filedAt')} />
      <Group justify="flex-end" mt="sm">
        <FormActions onCancel={props.onDone} pending={save.isPending} submitLabel="documentEdit.save" />
      </Group>
    </form>
  );
}
