import type { CaseSummary } from '@habeas/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { CaseContactTab } from './CaseContactTab';
import { useLocalTitle } from '../../shared/case-titles';

/** /cases/:id/contact — the Contact tab on its own page until the case page mounts it as a tab. */
export function CaseContactPage() {
  const { t } = useTranslation();
  const localTitle = useLocalTitle();
  const { id = '' } = useParams();
  const theCase = useQuery({ queryKey: ['case', id], queryFn: () => api<CaseSummary>(`/api/cases/${id}`) });
  return (
    <QueryState isLoading={theCase.isLoading} error={theCase.error}>
      {theCase.data && (
        <>
          <PageHeader title={`${localTitle(theCase.data)} — ${t('detention.contactTitle')}`} />
          <CaseContactTab caseId={theCase.data.id} />
        </>
      )}
    </QueryState>
  );
}
