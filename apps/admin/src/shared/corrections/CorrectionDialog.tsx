import { Alert, Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { showServerErrors, useContractForm } from '../form';
import { FormError } from '../FormError';

export interface CorrectableField {
  name: string;
  label: string;
  value: string | null;
  multiline?: boolean;
  options?: Array<{ value: string; label: string }>;
}

type Values = Record<string, string>;

/** The correction request: the changed fields (a cleared optional field as null) and the reason. */
function toRequest(fields: CorrectableField[], values: Values) {
  const changed = fields.filter((field) => (values[field.name] ?? '') !== (field.value ?? ''));
  return {
    ...Object.fromEntries(changed.map((field) => [field.name, values[field.name].trim() === '' ? null : values[field.name]])),
    reason: values.reason ?? '',
  };
}

/**
 * Corrects a record after the fact: the changed fields and a required reason go to `save` (checked with the
 * record's correction `schema` first); the server keeps the earlier version.
 */
export function CorrectionDialog(props: {
  opened: boolean;
  title: string;
  fields: CorrectableField[];
  schema: z.ZodType;
  save: (body: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const initial = (): Values => ({ ...Object.fromEntries(props.fields.map((field) => [field.name, field.value ?? ''])), reason: '' });
  const form = useContractForm<Values, Record<string, unknown>>({
    initialValues: initial(),
    schema: props.schema,
    toRequest: (values) => toRequest(props.fields, values),
  });
  useEffect(() => {
    if (props.opened) {
      form.setInitialValues(initial());
      form.reset();
    }
    // Start from the record as it is each time the dialog opens.
  }, [props.opened]);
  const save = useMutation({ mutationFn: props.save, onSuccess: props.onSaved, onError: (error) => showServerErrors(form, error) });
  const changed = props.fields.some((field) => (form.values[field.name] ?? '') !== (field.value ?? ''));
  const errors = form.errors as Record<string, string | undefined>;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="lg">
      <form onSubmit={form.onSubmit((values) => save.mutate(toRequest(props.fields, values)))} noValidate>
        <Stack>
          <Alert color="blue">{t('corrections.explain')}</Alert>
          <FormError message={errors._} />
          {props.fields.map((field) => {
            const input = { ...form.getInputProps(field.name), label: field.label };
            if (field.options) return <Select key={field.name} {...input} data={field.options} allowDeselect={false} />;
            const Input = field.multiline ? Textarea : TextInput;
            return <Input key={field.name} {...input} autosize={field.multiline || undefined} minRows={field.multiline ? 2 : undefined} />;
          })}
          <Textarea label={t('corrections.reason')} required {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!changed || (form.values.reason ?? '').trim() === ''} loading={save.isPending}>
              {t('corrections.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
