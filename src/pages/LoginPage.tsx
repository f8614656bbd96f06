import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { meQuery, useSignIn } from '../api/auth';
import { ApiError } from '../api/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { safeNext } from '../lib/safeNext';

export function LoginPage() {
  const { data: agent } = useSuspenseQuery(meQuery);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));

  if (agent && !signIn.isPending) return <Navigate to={next} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate(
      { username: username.trim(), password },
      { onSuccess: () => void navigate(next, { replace: true }) },
    );
  }

  const error = signIn.error instanceof ApiError ? signIn.error : undefined;
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                Sign in
              </Title>
              <Text c="gray.7" size="sm">
                Customers back-office
              </Text>
            </div>
            {error && <ErrorAlert>{error.message}</ErrorAlert>}
            <TextInput
              label="Username"
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
              autoFocus
            />
            <PasswordInput
              label="Password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button
              type="submit"
              loading={signIn.isPending}
              disabled={!username.trim() || !password}
            >
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
