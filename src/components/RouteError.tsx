import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { t } from '../lib/i18n';

/** The error boundary of every route: one broken page never blanks the app. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : t('Unknown error');
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('This page failed')}</Title>
        <Text>{t('The dashboard hit an error showing this page. Reloading usually helps.')}</Text>
        <Text size="sm" c="dimmed">
          {message}
        </Text>
        <div>
          <Button component={Link} to="/customers" variant="light">
            {t('Back to customers')}
          </Button>
        </div>
      </Stack>
    </Container>
  );
}
