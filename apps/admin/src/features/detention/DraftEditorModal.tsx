import type { LegalAction } from '@habeas/contracts';
import { Alert, Button, Group, List, Modal, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftPreview } from './DraftPreview';
import { useRedraft, useUpdateLegalAction } from './hooks';

const MISSING = /\[\[([\w.]+): \?\]\]/g;

/** Edits a draft beside its preview as the filing will print, listing the fields still empty. */
export function DraftEditorModal({ action, onClose }: { action: LegalAction; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState(action.title);
  const [draftText, setDraftText] = useState(action.draftText);
  const [deadline, setDeadline] = useState(action.deadlineAt ? action.deadlineAt.slice(0, 10) : '');
  const update = useUpdateLegalAction();
  const redraft = useRedraft();
  const missing = [...new Set([...draftText.matchAll(MISSING)].map((match) => match[1]))];
  const fieldLabel = (name: string) =>
    i18n.exists(`drafts.field.${name}`) ? t(`drafts.field.${name}`) : name.split('.')[0] === 'defendant' ? t('drafts.field.defendant.name') : name;
  const save = () =>
    update.mutate(
      // A deadline is due at the end of its day in Moscow, the court's zone.
      { id: action.id, body: { title, draftText, deadlineAt: deadline ? new Date(`${deadline}T23:59:00+03:00`).toISOString() : null } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('drafts.saved') });
          onClose();
        },
      },
    );
  const refill = () =>
    redraft.mutate(action.id, {
      onSuccess: (updated) => {
        setDraftText(updated.draftText);
        notifications.show({ color: 'green', message: t('drafts.refilled') });
      },
    });
  return (
    <Modal opened onClose={onClose} title={t('detention.board.editTitle')} size="80rem">
      <Stack>
        <Group grow align="flex-start">
          <TextInput label={t('detention.fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <TextInput type="date" label={t('detention.fields.deadline')} value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} />
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
              value={draftText}
              onChange={(e) => setDraftText(e.currentTarget.value)}
              autosize
              minRows={14}
              data-testid="draft-text"
              styles={{ input: { fontFamily: 'monospace' } }}
            />
          </Tabs.Panel>
        </Tabs>
        {(update.error ?? redraft.error) && <Text c="red">{(update.error ?? redraft.error)!.message}</Text>}
        <Group justify="space-between">
          <Button variant="subtle" onClick={refill} loading={redraft.isPending}>
            {t('drafts.refill')}
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              {t('detention.actions.close')}
            </Button>
            <Button onClick={save} loading={update.isPending}>
              {t('detention.actions.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
