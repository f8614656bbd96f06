import {
  Button,
  Center,
  Flex,
  NativeSelect,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { usePrefetchQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { meQuery, useSignIn } from '../api/auth';
import { environmentQuery } from '../api/environment';
import { useDocumentTitle } from '../lib/environment';
import { ApiError, errorMessage } from '../api/errors';
import { EnvironmentBanner } from '../components/EnvironmentBanner';
import { ErrorAlert } from '../components/ErrorAlert';
import { chooseLocale, currentLocale, LOCALE_NAMES, LOCALES, t, type Locale } from '../lib/i18n';
import { safeNext } from '../lib/safeNext';

const SIGNED_IN = { signedIn: true };

export function LoginPage() {
  usePrefetchQuery(environmentQuery);
  const { data: agent } = useSuspenseQuery(meQuery);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [credentials, setCredentials] = useState({ username: '', password: '' });
  const { username, password } = credentials;
  const next = safeNext(params.get('next'));
  useDocumentTitle(t('Sign in'));

  // Signed in (just now, or before): to the page, whose content takes the focus (AppLayout).
  if (agent && !signIn.isPending) return <Navigate to={next} replace state={SIGNED_IN} />;

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate(
      { username: username.trim(), password },
      { onSuccess: () => void navigate(next, { replace: true, state: SIGNED_IN }) },
    );
  }

  /** An input's name, value and change handler, like the create forms' `field`. */
  const input = (name: keyof typeof credentials) => ({
    name,
    value: credentials[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setCredentials((current) => ({ ...current, [name]: value }));
    },
  });

  const error = signIn.error instanceof ApiError ? signIn.error : undefined;
  return (
    <Flex
      direction="column"
      mih="100vh"
      bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))"
    >
      <EnvironmentBanner />
      <Center flex={1} p="md">
        <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={400}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <div>
                <Title order={1} size="h2">
                  {t('Sign in')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('Customers back-office')}
                </Text>
              </div>
              {error && <ErrorAlert>{errorMessage(error)}</ErrorAlert>}
              <TextInput
                label={t('Username')}
                autoComplete="username"
                required
                autoFocus
                {...input('username')}
              />
              <PasswordInput
                label={t('Password')}
                autoComplete="current-password"
                required
                {...input('password')}
              />
              <Button
                type="submit"
                loading={signIn.isPending}
                disabled={!username.trim() || !password}
              >
                {t('Sign in')}
              </Button>
              <NativeSelect
                label={t('Language')}
                size="xs"
                w={160}
                data={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
                value={currentLocale()}
                onChange={(event) => void chooseLocale(event.currentTarget.value as Locale)}
              />
            </Stack>
          </form>
        </Paper>
      </Center>
    </Flex>
  );
}
