import { can } from '@habeas/contracts';
import { Navigate } from 'react-router-dom';
import { useAnyCase } from '../features/cases/hooks';
import { PageFallback } from './lazy-page';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { lazyPage } from './lazy-page';
import { useCurrentUser } from './session';

const MedicHomePage = lazyPage(() => import('../features/medical/MedicHomePage'), 'MedicHomePage');
const NoCasesPage = lazyPage(() => import('../features/dashboard/NoCasesPage'), 'NoCasesPage');

/**
 * Each user's first screen, chosen by what they may do: whoever works alerts but does no legal work (the medic)
 * gets the alerts and the medical state of their cases; whoever only handles money gets the donations;
 * everyone else the case dashboard. Someone on no case yet (not an admin) is told what happens next and whom to ask.
 */
export function HomePage() {
  const user = useCurrentUser();
  const onNoCase = user.role !== 'admin' && can(user, 'cases:read');
  const cases = useAnyCase(onNoCase);
  if (onNoCase && cases.isLoading) return <PageFallback />;
  if (onNoCase && cases.data?.items.length === 0) return <NoCasesPage />;
  if (can(user, 'alerts:work') && !can(user, 'legal:work')) return <MedicHomePage />;
  if (can(user, 'money:read') && !can(user, 'cases:read')) return <Navigate to="/donations" replace />;
  return <DashboardPage />;
}
