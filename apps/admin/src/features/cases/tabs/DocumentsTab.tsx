import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/QueryState';

/** Placeholder until the documents area plugs its case tab in here. */
export function DocumentsTab(_props: { caseId: string }) {
  const { t } = useTranslation();
  return <EmptyState>{t('cases.tabs.documentsEmpty')}</EmptyState>;
}
