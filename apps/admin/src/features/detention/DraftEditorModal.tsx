import { updateLegalActionRequest, type LegalAction, type UpdateLegalActionRequest } from '@habeas/contracts';
import { Alert, Button, Group, List, Modal, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { showServerErrors, useContractForm } from '../../shared/form';
import { DraftPreview } from './DraftPreview';
import { useRedraft, useUpdateLegalAction } from './hooks';
import { FormError } from '../../shared/FormError';

const MISSING = /\[\[([\w.]+): \?\]\]/g;

interface Values {
  title: string;
  draftText: string;
  deadline: string;
}

// A deadline is due at the end of its day in Moscow, the court's zone.
const deadlineAt = (deadline: string) => {
  const at = new Date(`${deadline}T23:59:00+03:00`);
  return Number.isNaN(at.getTime()) ? deadline : at.toISOString();
};
const toRequest = (v: Values): UpdateLegalActionRequest => ({ title: v.title, draftText: v.draftText, deadlineAt: v.deadline ? deadlineAt(v.deadline) : null });
const fieldOf = { deadlineAt: 'deadline' } as const;

/** Edits a draft beside its preview as the filing will print, listing the fields still empty. */
export function DraftEditorModal({ action, onClose }: { action: LegalAction; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useContractForm<Values, UpdateLegalActionRequest>({
    initialValues: { title: action.title, draftText: action.draftText, deadline: action.deadlineAt ? action.deadlineAt.slice(0, 10) : '' },
    schema: updateLegalActionRequest,
    toRequest,
    fieldOf,
  });
  const { draftText } = form.values;
  const errors = form.errors as Record<string, string | undefined>;
  const update = useUpdateLegalAction();
  const redraft = useRedraft();
  const missing = [...new Set([...draftText.matchAll(MISSING)].map((match) => match[1]))];
  const fieldLabel = (name: string) =>
    i18n.exists(`drafts.field.${name}`) ? t(`drafts.field.${name}`) : name.split('.')[0] === 'defendant' ? t('drafts.field.defendant.name') : name;
  const save = form.onSubmit((values) =>
    update.mutate(
      { id: action.id, body: toRequest(values) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('drafts.saved') });
          onClose();
        },
        onError: (error) => showServerErrors(form, error, fieldOf),
      },
    ),
  );
  const refill = () =>
    redraft.mutate(action.id, {
      onSuccess: (updated) => {
        form.setFieldValue('draftText', updated.draftText);
        notifications.show({ color: 'green', message: t('drafts.refilled') });
      },
    });
  return (
    <Modal opened onClose={onClose} title={t('detention.board.editTitle')} size="80rem">
      <form onSubmit={save} noValidate>
        <Stack>
          <FormError message={errors._} />
          <Group grow align="flex-start">
            <TextInput label={t('detention.fields.title')} {...form.getInputProps('title')} />
            <TextInput type="date" label={t('detention.fields.deadline')} {...form.getInputProps('deadline')} />
          </Group>
          {missing.length > 0 ? (
            <Alert color="orange" data-testid="empty-fields">
              <Text size="sm">{t('drafts.emptyFields')}</Text>
              <List size="sm">
                {[...new Set(missing.map(fieldLabel))].map((label) => (
                  <List.Item key={label}>{label}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Text size="sm" c="green">
              {t('drafts.noEmptyFields')}
            </Text>
          )}
          <Tabs defaultValue="preview">
            <Tabs.List>
              <Tabs.Tab value="preview">{t('drafts.preview')}</Tabs.Tab>
              <Tabs.Tab value="text">{t('drafts.text')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="preview" pt="sm">
              <DraftPreview draft={draftText} />
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <Textarea
                label={t('detention.fields.draft')}
                description={t('drafts.syntax')}
                {...form.getInputProps('draftText')}
                autosize
                minRows={14}
                data-testid="draft-text"
                styles={{ input: { fontFamily: 'monospace' } }}
              />
            </Tabs.Panel>
          </Tabs>
          {redraft.error && <Text c="red">{redraft.error.message}</Text>}
          <Group justify="space-between">
            <Button variant="subtle" onClick={refill} loading={redraft.isPending}>
              {t('drafts.refill')}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('detention.actions.close')}
              </Button>
              <Button type="submit" loading={update.isPending}>
                {t('detention.actions.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
