import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { CasesPage } from '../features/cases/CasesPage';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { AreaEmptyPage } from '../shared/AreaEmptyPage';
import { Layout } from './Layout';
import { RequireSession } from './RequireSession';
import { ApiError } from '../shared/api';

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'md' });

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<RequireSession />}>
              <Route element={<Layout />}>
                <Route index element={<AreaEmptyPage title="nav.dashboard" message="areas.dashboardEmpty" />} />
                <Route path="/cases" element={<CasesPage />} />
                <Route path="/documents" element={<DocumentsPage />} />
                <Route path="/medical-alerts" element={<AreaEmptyPage title="nav.medicalAlerts" message="areas.medicalEmpty" />} />
                <Route path="/donations" element={<AreaEmptyPage title="nav.donations" message="areas.donationsEmpty" />} />
                <Route path="/users" element={<AreaEmptyPage title="nav.users" message="areas.usersEmpty" />} />
                <Route path="/audit-log" element={<AreaEmptyPage title="nav.auditLog" message="areas.auditEmpty" />} />
                <Route path="/account" element={<AreaEmptyPage title="nav.account" message="areas.accountEmpty" />} />
                <Route path="*" element={<AreaEmptyPage title="common.appName" message="common.notFound" />} />
              </Route>
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
