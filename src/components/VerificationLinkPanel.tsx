import {
  Alert,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useId } from 'react';
import { IconExternalLink, IconHandStop, IconMail } from '@tabler/icons-react';
import { statusLook } from '../lib/verificationStatus';
import { openableLink, verificationMailto } from '../lib/verificationLink';
import { CopyButton } from './CopyButton';
import { t } from '../lib/i18n';

const noEmail = () =>
  t('The customer has no email address: copy the link and send it another way.');

/** "Send by email": a mailto to the customer, or a disabled button that says why not. */
function SendByEmail({ mailto }: { mailto: string | undefined }) {
  const reasonId = useId();
  const icon = <IconMail size={16} aria-hidden />;
  if (mailto)
    return (
      <Button component="a" href={mailto} variant="default" size="xs" leftSection={icon}>
        {t('Send by email')}
      </Button>
    );
  // A disabled button gets no hover or focus: data-disabled keeps the tooltip reachable.
  return (
    <>
      <Tooltip
        label={noEmail()}
        withArrow
        multiline
        w={260}
        events={{ hover: true, focus: true, touch: true }}
      >
        <Button
          variant="default"
          size="xs"
          leftSection={icon}
          data-disabled
          aria-disabled
          aria-describedby={reasonId}
          onClick={(event) => event.preventDefault()}
        >
          {t('Send by email')}
        </Button>
      </Tooltip>
      <VisuallyHidden id={reasonId}>{noEmail()}</VisuallyHidden>
    </>
  );
}

/**
 * Where the customer proves their identity at their bank (Fintecture's
 * redirection flow), with what the agent does with it: copy it, open it, or
 * email it to the customer. Nothing when the link is absent or not an
 * http(s) address.
 */
export function VerificationLinkPanel({
  link,
  status,
  customer,
  withBorder = true,
}: {
  link: string | null | undefined;
  status: string | null | undefined;
  customer: { email?: string; first_name?: string };
  withBorder?: boolean;
}) {
  const href = openableLink(link);
  if (!href) return null;
  const cancelled = statusLook(status).tone === 'cancelled';
  const mailto = verificationMailto({
    email: customer.email,
    firstName: customer.first_name,
    link: href,
  });
  return (
    <Paper withBorder={withBorder} p={withBorder ? 'lg' : 0} radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('Link for the customer')}
        </Title>
        {cancelled && (
          <Alert
            color="yellow"
            variant="light"
            p="xs"
            icon={<IconHandStop size={16} aria-hidden />}
            styles={{ message: { color: 'var(--mantine-color-text)' } }}
          >
            {t(
              'The customer cancelled at their bank. They can still finish through the same link.',
            )}
          </Alert>
        )}
        <Text size="sm">
          {t(
            'Send this link to the customer: they choose their bank and confirm there; this page updates by itself.',
          )}
        </Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Text
            size="sm"
            ff="monospace"
            truncate="end"
            title={href}
            style={{ minWidth: 0 }}
            data-testid="verification-link"
          >
            {href}
          </Text>
          <CopyButton value={href} label={t('Copy link')} />
        </Group>
        <Group gap="xs">
          <Button
            component="a"
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            variant="default"
            size="xs"
            leftSection={<IconExternalLink size={16} aria-hidden />}
          >
            {t('Open')}
          </Button>
          <SendByEmail mailto={mailto} />
        </Group>
      </Stack>
    </Paper>
  );
}
