import { Center, Loader } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { can, type Capability } from '@habeas/contracts';
import { QueryState } from '../shared/QueryState';
import { useSession } from './session';

/** Renders its routes only for a signed-in user (who `can` the given capability); otherwise to the sign-in page. */
export function RequireSession(props: { capability?: Capability }) {
  const session = useSession();
  const location = useLocation();
  if (session.isLoading) {
    return (
      <Center mih="60vh">
        <Loader />
      </Center>
    );
  }
  if (session.error)
    return (
      <QueryState isLoading={false} error={session.error}>
        {null}
      </QueryState>
    );
  if (!session.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // A role that requires MFA: walk the user through setup before anything else.
  if (session.data.mfaSetupRequired && location.pathname !== '/account') return <Navigate to="/account" replace />;
  if (props.capability && !can(session.data, props.capability)) return <Navigate to="/" replace />;
  return <Outlet />;
}
