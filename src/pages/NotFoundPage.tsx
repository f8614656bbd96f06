import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  return (
    <Container size="sm" py="xl">
      <Stack align="flex-start">
        <Title order={1}>Not found</Title>
        <Text>This {what} does not exist, or the link to it is wrong.</Text>
        <Button component={Link} to="/customers" variant="light">
          Back to customers
        </Button>
      </Stack>
    </Container>
  );
}
