import { Card, Modal, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, type RecordVersions } from '@habeas/contracts';
import { QueryState } from '../QueryState';

/** The earlier versions of a corrected record, newest first: what each said, who replaced it, when and why. */
export function VersionHistory(props: {
  /** Where the versions come from: the record's query key and its typed call; null when closed. */
  versions: { key: readonly unknown[]; load: () => Promise<RecordVersions> } | null;
  title: string;
  fields: Array<{ name: string; label: string; show?: (value: unknown) => string }>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const versions = useQuery({ queryKey: props.versions?.key ?? ['versions-closed'], queryFn: () => props.versions!.load(), enabled: props.versions !== null });
  const show = (field: (typeof props.fields)[number], value: unknown) =>
    value === null || value === undefined || value === '' ? '—' : field.show ? field.show(value) : String(value);
  return (
    <Modal opened={props.versions !== null} onClose={props.onClose} title={props.title} size="lg">
      <QueryState isLoading={versions.isLoading} error={versions.error} isEmpty={versions.data?.items.length === 0} empty={t('corrections.noVersions')}>
        <Stack data-testid="version-history">
          {versions.data?.items.map((version) => (
            <Card withBorder key={version.version} data-testid="version">
              <Title order={3} size="h5">
                {t('corrections.version', { version: version.version })}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {t('corrections.replaced', { who: version.correctedBy ?? t('audit.system'), at: formatDateTime(version.correctedAt, i18n.language) })}
              </Text>
              <Text size="sm" mb="xs">
                {t('corrections.because', { reason: version.reason })}
              </Text>
              {props.fields.map((field) => (
                <Text size="sm" key={field.name}>
                  <Text span fw={600}>
                    {field.label}:
                  </Text>{' '}
                  {show(field, version.content[field.name])}
                </Text>
              ))}
            </Card>
          ))}
        </Stack>
      </QueryState>
    </Modal>
  );
}
