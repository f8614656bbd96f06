import { Text, type TextProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { indexStatusQuery } from '../api/indexStatus';
import { indexStatusDetails, indexStatusText } from './indexStatusText';

/**
 * The back-office index's state, discreetly: how many customers and how
 * fresh, or the progress of a walk. Polled; nothing shows until it is known
 * (it is context, not something the agent waits for).
 */
export function IndexStatus(props: TextProps) {
  const { data, dataUpdatedAt } = useQuery(indexStatusQuery);
  if (!data) return null;
  return (
    <Text
      size="xs"
      c={data.state === 'waiting' ? 'orange.8' : 'dimmed'}
      title={indexStatusDetails(data)}
      data-testid="index-status"
      {...props}
    >
      {indexStatusText(data, dataUpdatedAt)}
    </Text>
  );
}
