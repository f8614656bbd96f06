import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { Center, Loader, localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { meQuery } from './api/auth';
import { handleUnauthorized } from './api/client';
import { queryClient } from './app/queryClient';
import { router } from './app/router';
import { appTheme, cssVariablesResolver } from './app/theme';
import { loadLocale, preferredLocale, t, useLocale } from './lib/i18n';

// Notices are shown after the first paint, never during it: their container loads once the page is up.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

// Any 401 from the API: the session is gone; sign in again, then come back here.
handleUnauthorized(() => {
  queryClient.setQueryData(meQuery.queryKey, null);
  const { pathname, search } = window.location;
  if (pathname !== '/login')
    void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`);
});

// The colour scheme follows the system until the agent picks one in the user menu; the pick is
// remembered in this browser, under the key public/color-scheme.js reads before the first paint.
const colorSchemeManager = localStorageColorSchemeManager({ key: 'mantine-color-scheme-value' });

/**
 * The whole tree, drawn again in the new language when the agent switches: the
 * router's state is refreshed (it has no loaders to run), so every page renders
 * again in place. Nothing is mounted anew: the URL, the loaded data, an open
 * dialog and whatever is typed in a form all stay.
 */
function App() {
  const locale = useLocale();
  const drawnIn = useRef(locale);
  useEffect(() => {
    if (drawnIn.current === locale) return;
    drawnIn.current = locale;
    void router.revalidate();
  }, [locale]);
  return (
    <MantineProvider
      theme={appTheme()}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
    >
      <Suspense fallback={null}>
        <Notifications position="bottom-right" />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <Suspense
          fallback={
            <Center h="100vh">
              <Loader aria-label={t('Loading')} />
            </Center>
          }
        >
          <RouterProvider router={router} />
        </Suspense>
      </QueryClientProvider>
    </MantineProvider>
  );
}

// The language in use is loaded before the first render: no key or English flashes first.
void loadLocale(preferredLocale()).finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
