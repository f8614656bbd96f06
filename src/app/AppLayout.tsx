import { Anchor, Box } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useSuspenseQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { canCreate, meQuery } from '../api/auth';
import { IndexStatus } from '../components/IndexStatus';
import { useForgetArrival } from '../components/onboardingFlow';
import { SearchStandIn } from '../components/search/SearchStandIn';
import { EnvironmentBanner } from '../components/EnvironmentBanner';
import { UpstreamBanner } from '../components/UpstreamBanner';
import { AccountButton } from './AccountButton';
import { KeyboardShortcuts } from './shortcuts';
import classes from './AppLayout.module.css';
import { t } from '../lib/i18n';

/*
 * What the first paint does not need loads right after it: the search (its
 * dropdown and positioning code), the account menu and the live events.
 */
const GlobalSearch = lazy(() =>
  import('../components/search/GlobalSearch').then((m) => ({ default: m.GlobalSearch })),
);
const AccountMenu = lazy(() => import('./AccountMenu'));
const LiveEvents = lazy(() => import('./LiveEvents').then((m) => ({ default: m.LiveEvents })));

/**
 * The frame of every signed-in page: the product's name, the top navigation,
 * the global search, the index's state, the agent's menu, the environment and
 * upstream banners, and the live notifications.
 */
export function AppLayout() {
  const { data: agent } = useSuspenseQuery(meQuery);
  const [menuWanted, setMenuWanted] = useState(false);
  // One index status line: in the header where there is room (Mantine's lg), else under the page.
  const wide = useMediaQuery('(min-width: 75em)', undefined, { getInitialValueInEffect: false });
  // Just signed in: the page's content has the focus, unless the page put it on a field of its own.
  const main = useRef<HTMLElement>(null);
  const signedIn = (useLocation().state as { signedIn?: unknown } | null)?.signedIn === true;
  useEffect(() => {
    if (signedIn && !main.current?.contains(document.activeElement)) main.current?.focus();
  }, [signedIn]);
  useForgetArrival(signedIn);
  return (
    <>
      <div className={classes.top}>
        <EnvironmentBanner />
        <header className={classes.header}>
          <Anchor
            component={Link}
            to="/customers"
            underline="never"
            c="inherit"
            className={classes.brand}
          >
            {t('Customers back-office')}
          </Anchor>
          <nav aria-label={t('Main')} className={classes.nav}>
            <NavLink to="/customers" className={classes.navLink}>
              {t('Customers')}
            </NavLink>
            <NavLink to="/verifications" className={classes.navLink}>
              {t('Verifications')}
            </NavLink>
          </nav>
          <div className={classes.search} role="search">
            <Suspense fallback={<SearchStandIn />}>
              <GlobalSearch />
            </Suspense>
          </div>
          {wide && <IndexStatus className={classes.status} />}
          {agent && (
            <div className={classes.account}>
              <Suspense
                fallback={<AccountButton agent={agent} onClick={() => setMenuWanted(true)} />}
              >
                <AccountMenu agent={agent} openedAtStart={menuWanted} />
              </Suspense>
            </div>
          )}
        </header>
      </div>
      <Box component="main" className={classes.main} ref={main} tabIndex={-1}>
        <UpstreamBanner />
        <Outlet />
        {!wide && <IndexStatus mt="xl" ta="center" />}
        <KeyboardShortcuts canCreate={canCreate(agent)} />
      </Box>
      {agent && (
        <Suspense fallback={null}>
          <LiveEvents />
        </Suspense>
      )}
    </>
  );
}
