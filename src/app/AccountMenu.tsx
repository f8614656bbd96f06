import { Menu, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import {
  IconCheck,
  IconDeviceDesktop,
  IconDevices,
  IconLanguage,
  IconLogout,
  IconMoon,
  IconSun,
  type Icon,
} from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSignOut, type Agent } from '../api/auth';
import { chooseLocale, currentLocale, LOCALE_NAMES, LOCALES, t } from '../lib/i18n';
import { AccountButton } from './AccountButton';

const THEMES: { scheme: MantineColorScheme; label: () => string; Icon: Icon }[] = [
  { scheme: 'auto', label: () => t('System'), Icon: IconDeviceDesktop },
  { scheme: 'light', label: () => t('Light'), Icon: IconSun },
  { scheme: 'dark', label: () => t('Dark'), Icon: IconMoon },
];

const SessionsDialog = lazy(() =>
  import('../components/SessionsDialog').then((m) => ({ default: m.SessionsDialog })),
);

/**
 * The agent's menu: sessions, sign-out, the language and the theme (the system's, or light or
 * dark, remembered in this browser by Mantine's colour-scheme manager). Loaded after the first paint (the
 * menu and the dialog carry the positioning and focus-trapping code the list
 * does not need); `openedAtStart` opens it when the agent clicked the
 * stand-in before it arrived.
 */
export default function AccountMenu({
  agent,
  openedAtStart,
}: {
  agent: Agent;
  openedAtStart: boolean;
}) {
  const signOut = useSignOut();
  const current = currentLocale();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const navigate = useNavigate();
  const [sessionsOpened, setSessionsOpened] = useState(false);
  const [sessionsLoaded, setSessionsLoaded] = useState(false);
  const signOutAndLeave = (everywhere: boolean) =>
    signOut.mutate({ everywhere }, { onSettled: () => void navigate('/login') });
  return (
    <>
      <Menu
        position="bottom-end"
        withArrow
        defaultOpened={openedAtStart}
        // Its focus placeholder is a role="presentation" child of role="menu", which ARIA (and axe) refuse.
        withInitialFocusPlaceholder={false}
      >
        <Menu.Target>
          <AccountButton agent={agent} />
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {t('Signed in as {username} ({role})', {
              username: agent.username,
              role: t(agent.role),
            })}
          </Menu.Label>
          <Menu.Item
            leftSection={<IconDevices size={16} aria-hidden />}
            onClick={() => {
              setSessionsLoaded(true);
              setSessionsOpened(true);
            }}
          >
            {t('Sessions')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={() => signOutAndLeave(false)}
          >
            {t('Sign out')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label id="language-label">{t('Language')}</Menu.Label>
          {LOCALES.map((locale) => (
            <Menu.Item
              key={locale}
              lang={locale}
              leftSection={<IconLanguage size={16} aria-hidden />}
              rightSection={locale === current ? <IconCheck size={16} aria-hidden /> : undefined}
              aria-current={locale === current ? 'true' : undefined}
              onClick={() => void chooseLocale(locale)}
            >
              {LOCALE_NAMES[locale]}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Label id="theme-label">{t('Theme')}</Menu.Label>
          <div role="group" aria-labelledby="theme-label">
            <Menu.RadioGroup
              value={colorScheme}
              onChange={(scheme) => setColorScheme(scheme as MantineColorScheme)}
            >
              {THEMES.map(({ scheme, label, Icon }) => (
                <Menu.RadioItem
                  key={scheme}
                  value={scheme}
                  rightSection={<Icon size={16} aria-hidden />}
                >
                  {label()}
                </Menu.RadioItem>
              ))}
            </Menu.RadioGroup>
          </div>
        </Menu.Dropdown>
      </Menu>
      {sessionsLoaded && (
        <Suspense fallback={null}>
          <SessionsDialog
            opened={sessionsOpened}
            onClose={() => setSessionsOpened(false)}
            onSignOutEverywhere={() => signOutAndLeave(true)}
          />
        </Suspense>
      )}
    </>
  );
}
