import { can, caseTitleIn } from '@habeas/contracts';
import { Select, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { PageHeader } from '../../shared/PageHeader';
import { DocumentList } from './DocumentList';
import { useCasesForDocuments } from './hooks';
import { UploadZone } from './UploadZone';

/** Every document the user may see across their cases; uploads go to the case picked here. */
export function DocumentsPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const cases = useCasesForDocuments();
  const [caseId, setCaseId] = useState<string | null>(null);
  const titles = useMemo(
    () => Object.fromEntries((cases.data?.items ?? []).map((item) => [item.id, caseTitleIn(item, i18n.language)])),
    [cases.data, i18n.language],
  );
  return (
    <Stack>
      <PageHeader title={t('documents.pageTitle')}>
        <Select
          placeholder={t('documents.uploadTo')}
          data={(cases.data?.items ?? []).map((item) => ({ value: item.id, label: caseTitleIn(item, i18n.language) }))}
          value={caseId}
          onChange={setCaseId}
          w={260}
          data-testid="case-select"
        />
      </PageHeader>
      <UploadZone caseId={caseId} canPrivileged={can(user, 'documents:privileged')} />
      <DocumentList caseTitles={titles} />
    </Stack>
  );
}
