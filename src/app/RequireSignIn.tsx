import { usePrefetchQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { meQuery, useCanCreate } from '../api/auth';
import { environmentQuery } from '../api/environment';

/** Pages behind sign-in: without a session, to /login and back here afterwards. */
export function RequireSignIn() {
  // Asked alongside the session, so the environment banner is there with the first page.
  usePrefetchQuery(environmentQuery);
  const { data: agent } = useSuspenseQuery(meQuery);
  const location = useLocation();
  if (!agent) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Create pages: a viewer who follows a link there is sent to the list. */
export function RequireAgentRole() {
  if (!useCanCreate()) return <Navigate to="/customers" replace state={{ agentsOnly: true }} />;
  return <Outlet />;
}
