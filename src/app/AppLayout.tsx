import { AppShell, Avatar, Badge, Group, Menu, Text, UnstyledButton, Anchor } from '@mantine/core';
import { IconChevronDown, IconDevices, IconLogout } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { canCreate, meQuery, useSignOut } from '../api/auth';
import { SessionsDialog } from '../components/SessionsDialog';
import { UpstreamBanner } from '../components/UpstreamBanner';

/** The frame of every signed-in page: the product's name, the agent's menu, the upstream banner. */
export function AppLayout() {
  const { data: agent } = useSuspenseQuery(meQuery);
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [sessionsOpened, setSessionsOpened] = useState(false);
  const signOutAndLeave = (everywhere: boolean) =>
    signOut.mutate({ everywhere }, { onSettled: () => void navigate('/login') });
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/customers" underline="never" c="inherit" fw={700}>
            Customers back-office
          </Anchor>
          {agent && (
            <Menu position="bottom-end" withArrow>
              <Menu.Target>
                <UnstyledButton aria-label={`Account menu for ${agent.username}`}>
                  <Group gap="xs" wrap="nowrap">
                    <Avatar size="sm" radius="xl" color="blue">
                      {agent.username.slice(0, 2).toUpperCase()}
                    </Avatar>
                    <Text size="sm" visibleFrom="xs">
                      {agent.username}
                    </Text>
                    <Badge size="sm" variant="light" color={canCreate(agent) ? 'blue' : 'gray'}>
                      {agent.role}
                    </Badge>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  Signed in as {agent.username} ({agent.role})
                </Menu.Label>
                <Menu.Item
                  leftSection={<IconDevices size={16} aria-hidden />}
                  onClick={() => setSessionsOpened(true)}
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
          )}
          {agent && (
            <SessionsDialog
              opened={sessionsOpened}
              onClose={() => setSessionsOpened(false)}
              onSignOutEverywhere={() => signOutAndLeave(true)}
            />
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <UpstreamBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
