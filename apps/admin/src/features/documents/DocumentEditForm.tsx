import { Button, Group, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { documentKinds, documentStatuses } from '@habeas/contracts';
import type { DocumentDetail, DocumentKind, DocumentStatus, UpdateDocumentRequest } from '@habeas/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../../shared/api';

/** The calendar day of a filing instant in Moscow, for a date field ("2026-05-08"). */
const dayOf = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/Moscow' }) : '');
/** A filing date is kept as noon Moscow time of that day, so every zone shows the same day. */
const instantOf = (day: string) => (day ? `${day}T09:00:00.000Z` : null);

/** Title, kind, status and filing date of a document, changed in its drawer (the server audits each change). */
export function DocumentEditForm(props: { document: DocumentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    title: props.document.title,
    kind: props.document.kind as string,
    status: props.document.status as string,
    filedAt: dayOf(props.document.filedAt),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const field = (name: keyof typeof values) => ({
    value: values[name],
    error: errors[name],
    onChange: (value: string | null | { currentTarget: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: typeof value === 'object' && value !== null ? value.currentTarget.value : (value ?? '') })),
  });
  const save = useMutation({
    mutationFn: () => {
      const patch: UpdateDocumentRequest = {};
      if (values.title.trim() !== props.document.title) patch.title = values.title.trim();
      if (values.kind !== props.document.kind) patch.kind = values.kind as DocumentKind;
      if (values.status !== props.document.status) patch.status = values.status as DocumentStatus;
      if (values.filedAt !== dayOf(props.document.filedAt)) patch.filedAt = instantOf(values.filedAt);
      if (Object.keys(patch).length === 0) return Promise.resolve(props.document);
      return api<DocumentDetail>(`/api/documents/${props.document.id}`, { method: 'PATCH', body: patch });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
      notifications.show({ color: 'green', message: t('documentEdit.saved') });
      props.onDone();
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.title.trim()) return setErrors({ title: t('documentEdit.titleRequired') });
    setErrors({});
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="document-edit">
      <TextInput label={t('documents.title')} required maxLength={300} {...field('title')} />
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
        <Button variant="default" onClick={props.onDone}>
          {t('documentEdit.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('documentEdit.save')}
        </Button>
      </Group>
    </form>
  );
}
