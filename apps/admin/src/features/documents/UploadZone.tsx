import { Alert, Box, Checkbox, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { documentKinds } from '@habeas/contracts';
import type { DocumentKind } from '@habeas/contracts';
import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api';
import { uploadDocument, useRefreshDocuments } from './hooks';

interface UploadRow {
  key: string;
  name: string;
  progress: number;
  error?: string;
  done?: boolean;
}

/** Drag-and-drop (or pick) files; each becomes a document of the case, with its own progress bar. */
export function UploadZone(props: { caseId: string | null; canPrivileged: boolean }) {
  const { t } = useTranslation();
  const refresh = useRefreshDocuments();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<DocumentKind>('other');
  const [privileged, setPrivileged] = useState(false);
  const [over, setOver] = useState(false);
  const [rows, setRows] = useState<UploadRow[]>([]);

  const update = (key: string, change: Partial<UploadRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const send = (files: File[]) => {
    if (!props.caseId) return;
    for (const file of files) {
      const key = `${file.name}-${Date.now()}-${Math.random()}`;
      setRows((current) => [{ key, name: file.name, progress: 0 }, ...current]);
      const body = new FormData();
      body.append('title', file.name.replace(/\.[^.]+$/, '') || file.name);
      body.append('kind', kind);
      body.append('privileged', String(privileged));
      body.append('file', file);
      uploadDocument(props.caseId, body, (progress) => update(key, { progress }))
        .then(() => {
          update(key, { done: true, progress: 1 });
          void refresh();
        })
        .catch((error: unknown) => {
          const status = error instanceof ApiError ? error.status : 0;
          const message =
            status === 413 ? t('documents.tooLarge') : status === 415 ? t('documents.badType') : error instanceof Error ? error.message : String(error);
          update(key, { error: message });
        });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    send(Array.from(event.dataTransfer.files));
  };

  const kindOptions = documentKinds.map((value) => ({ value, label: t(`documents.kinds.${value}`) }));
  if (!props.caseId) return <Alert color="gray">{t('documents.pickCase')}</Alert>;
  return (
    <Stack gap="xs">
      <Group>
        <Select
          label={t('documents.kind')}
          data={kindOptions}
          value={kind}
          onChange={(value) => setKind((value as DocumentKind) ?? 'other')}
          allowDeselect={false}
          w={220}
        />
        {props.canPrivileged && (
          <Checkbox mt="lg" label={t('documents.privileged')} checked={privileged} onChange={(e) => setPrivileged(e.currentTarget.checked)} />
        )}
      </Group>
      <Box
        data-testid="dropzone"
        role="button"
        tabIndex={0}
        onClick={() => input.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        p="lg"
        style={{
          border: `2px dashed var(--mantine-color-${over ? 'indigo-6' : 'gray-4'})`,
          borderRadius: 8,
          cursor: 'pointer',
          textAlign: 'center',
        }}
      >
        <IconUpload size={28} stroke={1.4} />
        <Text>{t('documents.dropHere')}</Text>
        <Text size="xs" c="dimmed">
          {t('documents.allowedTypes')}
        </Text>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          onChange={(e) => {
            send(Array.from(e.currentTarget.files ?? []));
            e.currentTarget.value = '';
          }}
        />
      </Box>
      {rows.map((row) => (
        <Box key={row.key} data-testid="upload-row">
          <Group justify="space-between">
            <Text size="sm">{row.name}</Text>
            <Text size="xs" c={row.error ? 'red' : 'dimmed'} data-testid="upload-state">
              {row.error ?? (row.done ? t('documents.uploaded') : `${Math.round(row.progress * 100)}%`)}
            </Text>
          </Group>
          <Progress aria-label={row.name} value={row.progress * 100} color={row.error ? 'red' : row.done ? 'green' : 'indigo'} size="sm" />
        </Box>
      ))}
    </Stack>
  );
}
