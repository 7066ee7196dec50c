import { can } from '@habeas/contracts';
import { Navigate } from 'react-router-dom';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { lazyPage } from './lazy-page';
import { useCurrentUser } from './session';

const MedicHomePage = lazyPage(() => import('../features/medical/MedicHomePage'), 'MedicHomePage');

/**
 * Each user's first screen, chosen by what they may do: whoever works alerts but does no legal work (the medic)
 * gets the alerts and the medical state of their cases; whoever only handles money gets the donations;
 * everyone else the case dashboard.
 */
export function HomePage() {
  const user = useCurrentUser();
  if (can(user, 'alerts:work') && !can(user, 'legal:work')) return <MedicHomePage />;
  if (can(user, 'money:read') && !can(user, 'cases:read')) return <Navigate to="/donations" replace />;
  return <DashboardPage />;
}
