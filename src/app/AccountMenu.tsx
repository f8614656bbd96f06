import { Menu } from '@mantine/core';
import { IconDevices, IconLogout } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSignOut, type Agent } from '../api/auth';
import { AccountButton } from './AccountButton';

const SessionsDialog = lazy(() =>
  import('../components/SessionsDialog').then((m) => ({ default: m.SessionsDialog })),
);

/**
 * The agent's menu: sessions and sign-out. Loaded after the first paint (the
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
  const navigate = useNavigate();
  const [sessionsOpened, setSessionsOpened] = useState(false);
  const [sessionsLoaded, setSessionsLoaded] = useState(false);
  const signOutAndLeave = (everywhere: boolean) =>
    signOut.mutate({ everywhere }, { onSettled: () => void navigate('/login') });
  return (
    <>
      <Menu position="bottom-end" withArrow defaultOpened={openedAtStart}>
        <Menu.Target>
          <AccountButton agent={agent} />
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            Signed in as {agent.username} ({agent.role})
          </Menu.Label>
          <Menu.Item
            leftSection={<IconDevices size={16} aria-hidden />}
            onClick={() => {
              setSessionsLoaded(true);
              setSessionsOpened(true);
            }}
          >
            Sessions
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={() => signOutAndLeave(false)}
          >
            Sign out
          </Menu.Item>
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
