import { Alert, Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../api';

export interface CorrectableField {
  name: string;
  label: string;
  value: string | null;
  multiline?: boolean;
  options?: Array<{ value: string; label: string }>;
}

/**
 * Corrects a record after the fact: the changed fields and a required reason go to `path` (PATCH); the server keeps
 * the earlier version. Cleared optional fields are sent as null.
 */
export function CorrectionDialog(props: {
  opened: boolean;
  title: string;
  path: string;
  fields: CorrectableField[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (props.opened) {
      setValues(Object.fromEntries(props.fields.map((field) => [field.name, field.value ?? ''])));
      setReason('');
    }
    // Start from the record as it is each time the dialog opens.
  }, [props.opened]);
  const changed = props.fields.filter((field) => (values[field.name] ?? '') !== (field.value ?? ''));
  const save = useMutation({
    mutationFn: () =>
      api(props.path, {
        method: 'PATCH',
        body: { ...Object.fromEntries(changed.map((field) => [field.name, values[field.name].trim() === '' ? null : values[field.name]])), reason },
      }),
    onSuccess: props.onSaved,
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Alert color="blue">{t('corrections.explain')}</Alert>
          {props.fields.map((field) => {
            const common = { key: field.name, label: field.label, value: values[field.name] ?? '', error: errors[field.name] };
            if (field.options) {
              return (
                <Select {...common} data={field.options} allowDeselect={false} onChange={(value) => setValues({ ...values, [field.name]: value ?? '' })} />
              );
            }
            const Input = field.multiline ? Textarea : TextInput;
            return (
              <Input
                {...common}
                autosize={field.multiline || undefined}
                minRows={field.multiline ? 2 : undefined}
                onChange={(e) => setValues({ ...values, [field.name]: e.currentTarget.value })}
              />
            );
          })}
          <Textarea label={t('corrections.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
          {save.error && !Object.keys(errors).length && <Alert color="red">{save.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={changed.length === 0 || reason.trim() === ''} loading={save.isPending}>
              {t('corrections.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
