import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AreaEmptyPage } from '../shared/AreaEmptyPage';
import { Layout } from './Layout';
import { RequireSession } from './RequireSession';
import { cssVariablesResolver, themeFor } from './theme';
import { ApiError } from '../shared/api';
import { lazyPage, PageFallback } from './lazy-page';

// Each role's home (the dashboard, the medical inbox, ...) comes after sign-in: the sign-in page moves none of it.
const HomePage = lazyPage(() => import('./HomePage'), 'HomePage');

// Each screen is its own chunk, fetched when first visited: the first screen loads only what it shows.
const LoginPage = lazyPage(() => import('../features/auth/LoginPage'), 'LoginPage');
const CasePage = lazyPage(() => import('../features/cases/CasePage'), 'CasePage');
const CasesPage = lazyPage(() => import('../features/cases/CasesPage'), 'CasesPage');
const ActionsBoardPage = lazyPage(() => import('../features/detention/ActionsBoardPage'), 'ActionsBoardPage');
const CaseContactPage = lazyPage(() => import('../features/detention/CaseContactPage'), 'CaseContactPage');
const TemplatesPage = lazyPage(() => import('../features/detention/TemplatesPage'), 'TemplatesPage');
const CaseMedicalPage = lazyPage(() => import('../features/medical/CaseMedicalPage'), 'CaseMedicalPage');
const MedicalAlertsPage = lazyPage(() => import('../features/medical/MedicalAlertsPage'), 'MedicalAlertsPage');
const BankStatementsPage = lazyPage(() => import('../features/banking/BankStatementsPage'), 'BankStatementsPage');
const DonationsPage = lazyPage(() => import('../features/donations/DonationsPage'), 'DonationsPage');
const LedgerPage = lazyPage(() => import('../features/donations/LedgerPage'), 'LedgerPage');
const AccountPage = lazyPage(() => import('../features/account/AccountPage'), 'AccountPage');
const OnCallPage = lazyPage(() => import('../features/alerting/OnCallPage'), 'OnCallPage');
const AuditLogPage = lazyPage(() => import('../features/audit/AuditLogPage'), 'AuditLogPage');
const InvitePage = lazyPage(() => import('../features/users/InvitePage'), 'InvitePage');
const ForgotPasswordPage = lazyPage(() => import('../features/auth/ForgotPasswordPage'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('../features/auth/ResetPasswordPage'), 'ResetPasswordPage');
const UsersPage = lazyPage(() => import('../features/users/UsersPage'), 'UsersPage');
const DocumentsPage = lazyPage(() => import('../features/documents/DocumentsPage'), 'DocumentsPage');

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
  const theme = useMemo(() => themeFor({ close: t('common.close'), clear: t('common.clear'), showPassword: t('common.showPassword') }), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Suspense fallback={<PageFallback />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/invite/:token" element={<InvitePage />} />
              <Route path="/forgot-password" element={<ForgotPasswordPage />} />
              <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
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
                    <Route path="/donations/ledger" element={<LedgerPage />} />
                  </Route>
                  <Route element={<RequireSession capability="oncall:manage" />}>
                    <Route path="/on-call" element={<OnCallPage />} />
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
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
