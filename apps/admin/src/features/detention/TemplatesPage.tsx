import { can } from '@habeas/contracts';
import { useCurrentUser } from '../../app/session';
import type { LegalStep, TemplateLanguage } from '@habeas/contracts';
import { createLegalTemplateRequest, legalSteps, updateLegalTemplateRequest } from '@habeas/contracts';
import { Badge, Button, Code, Group, Modal, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/DataTable';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { showServerErrors, useContractForm } from '../../shared/form';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { useDeleteTemplate, useLegalTemplates, useSaveTemplate } from './hooks';
import { FormError } from '../../shared/FormError';

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
  const templates = useLegalTemplates();
  const remove = useDeleteTemplate();
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
        <HorizontalScroll label={t('detention.templates.title')} minWidth={560}>
          <DataTable
            striped
            rows={templates.items}
            rowKey={(template) => template.id}
            columns={[
              {
                key: 'title',
                header: t('detention.fields.title'),
                // A template is written in its own language, whatever the screen's: say so to screen readers and spellers.
                cell: (template) => (
                  <>
                    <span lang={template.language}>{template.title}</span> {template.isDefault && <Badge size="xs">{t('detention.templates.default')}</Badge>}
                  </>
                ),
              },
              { key: 'step', header: t('detention.templates.step'), cell: (template) => t(`detention.step.${template.step}`) },
              { key: 'language', header: t('detention.templates.language'), cell: (template) => template.language.toUpperCase() },
              {
                key: 'actions',
                header: null,
                cell: (template) =>
                  canManage && (
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
                  ),
              },
            ]}
          />
        </HorizontalScroll>
        <LoadMore {...templates} />
      </QueryState>
      {editing && <TemplateModal draft={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

/** The request a template form sends: a new template whole, an edited one only what may change. */
const toRequest = (value: Draft) => (value.id ? { title: value.title, body: value.body, isDefault: value.isDefault } : value);

function TemplateModal({ draft, onClose }: { draft: Draft; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm<Draft, unknown>({
    initialValues: draft,
    schema: draft.id ? updateLegalTemplateRequest : createLegalTemplateRequest,
    toRequest,
  });
  const value = form.values;
  const save = useSaveTemplate();
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) =>
    save.mutate({ id: values.id, body: toRequest(values) }, { onSuccess: onClose, onError: (error) => showServerErrors(form, error) }),
  );
  return (
    <Modal opened onClose={onClose} title={value.id ? t('detention.templates.edit') : t('detention.templates.new')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={errors._} />
          <Group grow>
            <Select
              label={t('detention.templates.step')}
              data={legalSteps.map((step) => ({ value: step, label: t(`detention.step.${step}`) }))}
              {...form.getInputProps('step')}
              disabled={Boolean(value.id)}
              allowDeselect={false}
            />
            <Select
              label={t('detention.templates.language')}
              data={[
                { value: 'ru', label: t('common.languageNames.ru') },
                { value: 'en', label: t('common.languageNames.en') },
              ]}
              {...form.getInputProps('language')}
              disabled={Boolean(value.id)}
              allowDeselect={false}
            />
          </Group>
          <TextInput label={t('detention.fields.title')} {...form.getInputProps('title')} />
          <Textarea label={t('detention.templates.body')} {...form.getInputProps('body')} autosize minRows={12} />
          <Text size="xs" c="dimmed">
            {t('detention.templates.fields')}:{' '}
            {FIELDS.map((field) => (
              <Code key={field}>{`{{${field}}}`}</Code>
            ))}
          </Text>
          <Switch label={t('detention.templates.useAsDefault')} {...form.getInputProps('isDefault', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('detention.actions.close')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!value.title.trim() || !value.body.trim()}>
              {t('detention.actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
