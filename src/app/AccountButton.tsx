import {
  Avatar,
  Badge,
  Group,
  Text,
  UnstyledButton,
  type UnstyledButtonProps,
} from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { ComponentPropsWithRef } from 'react';
import { canCreate, type Agent } from '../api/auth';
import { t } from '../lib/i18n';

type AccountButtonProps = UnstyledButtonProps &
  ComponentPropsWithRef<'button'> & {
    agent: Agent;
  };

/**
 * Who is signed in, as a button: the target of the account menu, and alone
 * the first paint's stand-in for it while the menu's code loads.
 */
export function AccountButton({ agent, ...props }: AccountButtonProps) {
  return (
    <UnstyledButton
      aria-label={t('Account menu for {username}', { username: agent.username })}
      {...props}
    >
      <Group gap="xs" wrap="nowrap">
        <Avatar size="sm" radius="xl" color="blue">
          {agent.username.slice(0, 2).toUpperCase()}
        </Avatar>
        <Text size="sm" visibleFrom="sm">
          {agent.username}
        </Text>
        <Badge
          size="sm"
          variant="light"
          color={canCreate(agent) ? 'blue' : 'gray'}
          visibleFrom="xs"
        >
          {t(agent.role)}
        </Badge>
        <IconChevronDown size={14} aria-hidden />
      </Group>
    </UnstyledButton>
  );
}
