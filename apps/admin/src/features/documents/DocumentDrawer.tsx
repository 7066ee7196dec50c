import { Alert, Anchor, Badge, Button, Code, Drawer, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconEye, IconPencil, IconUpload } from '@tabler/icons-react';
import { can } from '@habeas/contracts';
import type { DocumentVersion } from '@habeas/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { useFormat } from '../../shared/format';
import { DataTable } from '../../shared/DataTable';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { QueryState } from '../../shared/QueryState';
import { DocumentCustody } from '../evidence/DocumentCustody';
import { DocumentEditForm } from './DocumentEditForm';
import { downloadUrl, uploadVersion as sendVersion, useDocument, useRefreshDocuments } from './hooks';

/** The PDF in a sandboxed frame, from a blob: URL of the (audited) inline download. */
function PdfPreview(props: { id: string; version: number }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let revoked = false;
    let objectUrl: string | null = null;
    fetch(downloadUrl(props.id, props.version, true), { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.blob();
      })
      .then((blob) => {
        if (revoked) return;
        objectUrl = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
        setUrl(objectUrl);
      })
      .catch(() => setFailed(true));
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [props.id, props.version]);
  if (failed) return <Alert color="red">{t('documents.previewFailed')}</Alert>;
  if (!url) return <Loader size="sm" />;
  return (
    <iframe title={t('documents.preview')} src={url} sandbox="allow-scripts" style={{ width: '100%', height: 500, border: 0 }} data-testid="pdf-preview" />
  );
}

export function DocumentDrawer(props: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const refresh = useRefreshDocuments();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [preview, setPreview] = useState<number | null>(null);
  const document = useDocument(props.id);
  useEffect(() => {
    setPreview(null);
    setEditing(false);
  }, [props.id]);

  const uploadVersion = (file: File) => {
    if (!props.id) return;
    const body = new FormData();
    body.append('file', file);
    setUploadError(null);
    setProgress(0);
    sendVersion(props.id, body, setProgress)
      .then(refresh)
      .catch((error: unknown) => setUploadError(error instanceof Error ? error.message : String(error)))
      .finally(() => setProgress(null));
  };

  const data = document.data;
  return (
    <Drawer opened={!!props.id} onClose={props.onClose} position="right" size="xl" title={data?.title ?? ''}>
      <QueryState isLoading={document.isLoading} error={document.error}>
        {data && (
          <Stack data-testid="document-drawer">
            {editing ? (
              <DocumentEditForm document={data} onDone={() => setEditing(false)} />
            ) : (
              <Group gap="xs">
                <Badge>{t(`documents.kinds.${data.kind}`)}</Badge>
                <Badge color="gray">{t(`documents.statuses.${data.status}`)}</Badge>
                {data.privileged && <Badge color="red">{t('documents.privileged')}</Badge>}
                {data.tags.map((tag) => (
                  <Badge key={tag} variant="outline">
                    {tag}
                  </Badge>
                ))}
                {can(user, 'documents:write') && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setEditing(true)}
                    data-testid="document-edit-open"
                  >
                    {t('documentEdit.edit')}
                  </Button>
                )}
              </Group>
            )}
            {data.court && <Text size="sm">{data.court}</Text>}
            {data.filedAt && !editing && (
              <Text size="sm">
                {t('documents.filedAt')}: {format.date(data.filedAt, 'Europe/Moscow')}
              </Text>
            )}
            <Group justify="space-between">
              <Title order={3} size="h4">
                {t('documents.versions')}
              </Title>
              <Button size="xs" variant="light" leftSection={<IconUpload size={14} />} onClick={() => input.current?.click()} loading={progress !== null}>
                {t('documents.newVersion')}
              </Button>
              <input
                ref={input}
                type="file"
                hidden
                data-testid="version-input"
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  if (file) uploadVersion(file);
                  e.currentTarget.value = '';
                }}
              />
            </Group>
            {progress !== null && <Progress aria-label={t('documents.versions')} value={progress * 100} size="sm" />}
            {uploadError && <Alert color="red">{uploadError}</Alert>}
            <HorizontalScroll label={t('documents.versions')} minWidth={560}>
              <DataTable
                rows={data.versions}
                rowKey={(version: DocumentVersion) => version.id}
                rowProps={() => ({ 'data-testid': 'version-row' })}
                columns={[
                  { key: 'number', header: '#', cell: (version) => version.number },
                  {
                    key: 'file',
                    header: t('documents.file'),
                    cell: (version) => (
                      <>
                        <Text size="sm">{version.originalName}</Text>
                        <Text size="xs" c="dimmed">
                          {version.mimeType} · {format.size(version.size)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          SHA-256: <Code data-testid="sha256">{version.sha256}</Code>
                        </Text>
                      </>
                    ),
                  },
                  { key: 'uploadedAt', header: t('documents.uploadedAt'), cell: (version) => <Text size="sm">{format.dateTime(version.uploadedAt)}</Text> },
                  {
                    key: 'text',
                    header: t('documents.text'),
                    cell: (version) => (
                      <>
                        <Badge size="sm" color={version.textStatus === 'done' ? 'green' : version.textStatus === 'failed' ? 'red' : 'gray'}>
                          {t(`documents.textStatuses.${version.textStatus}`)}
                        </Badge>
                        {version.textIssue && (
                          <Text size="xs" c="dimmed" maw={220} mt={4} data-testid="text-issue">
                            {t(`documents.textIssues.${version.textIssue}`)}
                          </Text>
                        )}
                      </>
                    ),
                  },
                  {
                    key: 'actions',
                    header: null,
                    cell: (version) => (
                      <Group gap={4} wrap="nowrap">
                        <Anchor href={downloadUrl(data.id, version.number)} download data-testid="download">
                          <IconDownload size={18} aria-label={t('documents.download')} />
                        </Anchor>
                        {version.mimeType === 'application/pdf' && (
                          <Anchor component="button" onClick={() => setPreview(version.number)} aria-label={t('documents.preview')}>
                            <IconEye size={18} />
                          </Anchor>
                        )}
                      </Group>
                    ),
                  },
                ]}
              />
            </HorizontalScroll>
            {preview !== null && <PdfPreview id={data.id} version={preview} />}
            <DocumentCustody documentId={data.id} />
          </Stack>
        )}
      </QueryState>
    </Drawer>
  );
}
