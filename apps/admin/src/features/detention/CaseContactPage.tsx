import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { CaseContactTab } from './CaseContactTab';
import { useCaseOf } from './hooks';
import { useLocalTitle } from '../../shared/case-titles';

/** /cases/:id/contact — the Contact tab on its own page until the case page mounts it as a tab. */
export function CaseContactPage() {
  const { t } = useTranslation();
  const localTitle = useLocalTitle();
  const { id = '' } = useParams();
  const theCase = useCaseOf(id);
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
