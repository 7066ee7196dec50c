import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/QueryState';

/** Placeholder until the medical area plugs its case tab in here. */
export function MedicalTab(_props: { caseId: string }) {
  const { t } = useTranslation();
  return <EmptyState>{t('cases.tabs.medicalEmpty')}</EmptyState>;
}
