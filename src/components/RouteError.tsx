import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** The error boundary of every route: one broken page never blanks the app. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>This page failed</Title>
        <Text>The dashboard hit an error showing this page. Reloading usually helps.</Text>
        <Text size="sm" c="dimmed">
          {message}
        </Text>
        <div>
          <Button component={Link} to="/customers" variant="light">
            Back to customers
          </Button>
        </div>
      </Stack>
    </Container>
  );
}
