import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/QueryState';

/** Placeholder until the money area plugs its case tab in here. */
export function MoneyTab(_props: { caseId: string }) {
  const { t } = useTranslation();
  return <EmptyState>{t('cases.tabs.moneyEmpty')}</EmptyState>;
}
