import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { CasePage } from '../features/cases/CasePage';
import { CasesPage } from '../features/cases/CasesPage';
import { ActionsBoardPage } from '../features/detention/ActionsBoardPage';
import { CaseContactPage } from '../features/detention/CaseContactPage';
import { TemplatesPage } from '../features/detention/TemplatesPage';
import { CaseMedicalPage } from '../features/medical/CaseMedicalPage';
import { MedicalAlertsPage } from '../features/medical/MedicalAlertsPage';
import { BankStatementsPage } from '../features/banking/BankStatementsPage';
import { DonationsPage } from '../features/donations/DonationsPage';
import { AccountPage } from '../features/account/AccountPage';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { InvitePage } from '../features/users/InvitePage';
import { UsersPage } from '../features/users/UsersPage';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { AreaEmptyPage } from '../shared/AreaEmptyPage';
import { HomePage } from './HomePage';
import { Layout } from './Layout';
import { RequireSession } from './RequireSession';
import { cssVariablesResolver, themeFor } from './theme';
import { ApiError } from '../shared/api';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  const { t } = useTranslation();
  const theme = useMemo(() => themeFor(t('common.close')), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/invite/:token" element={<InvitePage />} />
            <Route element={<RequireSession />}>
              <Route element={<Layout />}>
                <Route index element={<HomePage />} />
                <Route path="/cases" element={<CasesPage />} />
                <Route path="/cases/:id" element={<CasePage />} />
                <Route path="/cases/:id/contact" element={<CaseContactPage />} />
                <Route element={<RequireSession capability="legal:work" />}>
                  <Route path="/actions" element={<ActionsBoardPage />} />
                  <Route path="/templates" element={<TemplatesPage />} />
                </Route>
                <Route element={<RequireSession capability="documents:read" />}>
                  <Route path="/documents" element={<DocumentsPage />} />
                </Route>
                <Route element={<RequireSession capability="alerts:work" />}>
                  <Route path="/medical-alerts" element={<MedicalAlertsPage />} />
                </Route>
                <Route element={<RequireSession capability="medical:read" />}>
                  <Route path="/cases/:id/medical" element={<CaseMedicalPage />} />
                </Route>
                <Route element={<RequireSession capability="money:read" />}>
                  <Route path="/donations" element={<DonationsPage />} />
                  <Route path="/donations/bank" element={<BankStatementsPage />} />
                </Route>
                <Route element={<RequireSession capability="users:manage" />}>
                  <Route path="/users" element={<UsersPage />} />
                </Route>
                <Route element={<RequireSession capability="audit:read" />}>
                  <Route path="/audit-log" element={<AuditLogPage />} />
                </Route>
                <Route path="/account" element={<AccountPage />} />
                <Route path="*" element={<AreaEmptyPage title="common.appName" message="common.notFound" />} />
              </Route>
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
