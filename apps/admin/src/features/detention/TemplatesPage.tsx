import { can } from '@habeas/contracts';
import { useCurrentUser } from '../../app/session';
import type { LegalStep, LegalTemplate, TemplateLanguage } from '@habeas/contracts';
import { legalSteps } from '@habeas/contracts';
import { Badge, Button, Code, Group, Modal, Select, Stack, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';

const FIELDS = [
  'case.title',
  'person.name',
  'facility.name',
  'event.summary',
  'event.occurredAt',
  'incident.type',
  'incident.severity',
  'incident.occurredAt',
  'action.deadline',
  'lawyer.name',
  'today',
];

interface Draft {
  id?: string;
  step: LegalStep;
  language: TemplateLanguage;
  title: string;
  body: string;
  isDefault: boolean;
}

/** Team-managed templates of legal drafts (Markdown with {{fields}}), Russian and English. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Draft | null>(null);
  const canManage = can(useCurrentUser(), 'templates:manage');
  const templates = usePaged<LegalTemplate>(['legal-templates'], '/api/legal-templates', { limit: 100 });
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => api<void>(`/api/legal-templates/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['legal-templates'] }),
  });
  return (
    <>
      <PageHeader title={t('detention.templates.title')}>
        {canManage && (
          <Button onClick={() => setEditing({ step: 'complaint_facility', language: 'ru', title: '', body: '', isDefault: false })}>
            {t('detention.templates.new')}
          </Button>
        )}
      </PageHeader>
      <QueryState isLoading={templates.isLoading} error={templates.error} isEmpty={templates.items.length === 0} empty={t('detention.templates.empty')}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('detention.fields.title')}</Table.Th>
              <Table.Th>{t('detention.templates.step')}</Table.Th>
              <Table.Th>{t('detention.templates.language')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {templates.items.map((template) => (
              <Table.Tr key={template.id}>
                {/* A template is written in its own language, whatever the screen's: say so to screen readers and spellers. */}
                <Table.Td>
                  <span lang={template.language}>{template.title}</span> {template.isDefault && <Badge size="xs">{t('detention.templates.default')}</Badge>}
                </Table.Td>
                <Table.Td>{t(`detention.step.${template.step}`)}</Table.Td>
                <Table.Td>{template.language.toUpperCase()}</Table.Td>
                <Table.Td>
                  {canManage && (
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="default" onClick={() => setEditing({ ...template })}>
                        {t('detention.actions.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => window.confirm(t('detention.templates.confirmDelete')) && remove.mutate(template.id)}
                      >
                        {t('detention.actions.delete')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LoadMore {...templates} />
      </QueryState>
      {editing && <TemplateModal draft={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function TemplateModal({ draft, onClose }: { draft: Draft; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(draft);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      value.id
        ? api<LegalTemplate>(`/api/legal-templates/${value.id}`, {
            method: 'PATCH',
            body: { title: value.title, body: value.body, isDefault: value.isDefault },
          })
        : api<LegalTemplate>('/api/legal-templates', { method: 'POST', body: value }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['legal-templates'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={value.id ? t('detention.templates.edit') : t('detention.templates.new')} size="xl">
      <Stack>
        <Group grow>
          <Select
            label={t('detention.templates.step')}
            data={legalSteps.map((step) => ({ value: step, label: t(`detention.step.${step}`) }))}
            value={value.step}
            disabled={Boolean(value.id)}
            onChange={(step) => step && setValue({ ...value, step: step as LegalStep })}
            allowDeselect={false}
          />
          <Select
            label={t('detention.templates.language')}
            data={[
              { value: 'ru', label: t('common.languageNames.ru') },
              { value: 'en', label: t('common.languageNames.en') },
            ]}
            value={value.language}
            disabled={Boolean(value.id)}
            onChange={(language) => language && setValue({ ...value, language: language as TemplateLanguage })}
            allowDeselect={false}
          />
        </Group>
        <TextInput label={t('detention.fields.title')} value={value.title} onChange={(e) => setValue({ ...value, title: e.currentTarget.value })} />
        <Textarea
          label={t('detention.templates.body')}
          value={value.body}
          onChange={(e) => setValue({ ...value, body: e.currentTarget.value })}
          autosize
          minRows={12}
        />
        <Text size="xs" c="dimmed">
          {t('detention.templates.fields')}:{' '}
          {FIELDS.map((field) => (
            <Code key={field}>{`{{${field}}}`}</Code>
          ))}
        </Text>
        <Switch
          label={t('detention.templates.useAsDefault')}
          checked={value.isDefault}
          onChange={(e) => setValue({ ...value, isDefault: e.currentTarget.checked })}
        />
        {save.error && <Text c="red">{save.error.message}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('detention.actions.close')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!value.title.trim() || !value.body.trim()}>
            {t('detention.actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
