import { StrictMode, useEffect, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * A placeholder until the dashboard lands: it signs an agent in through the
 * proxy and shows who is signed in, so `npm start` is usable end to end.
 */
interface Me {
  username: string;
  role: string;
}

const writeHeaders = { 'content-type': 'application/json', 'x-csrf': '1' };

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<string>();

  useEffect(() => {
    void fetch('/auth/me').then(async (response) =>
      setMe(response.ok ? ((await response.json()) as Me) : null),
    );
  }, []);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const response = await fetch('/auth/login', {
      method: 'POST',
      headers: writeHeaders,
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
    });
    const body = (await response.json()) as Me & { message?: string };
    if (response.ok) {
      setMe(body);
      setError(undefined);
    } else setError(body.message ?? `Sign-in failed (${response.status}).`);
  }

  async function signOut() {
    await fetch('/auth/logout', { method: 'POST', headers: writeHeaders });
    setMe(null);
  }

  if (me === undefined) return <p>Loading…</p>;
  if (me) {
    return (
      <main>
        <h1>Customers back-office</h1>
        <p>
          Signed in as {me.username} ({me.role}). The customer pages are on their way.
        </p>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </main>
    );
  }
  return (
    <main>
      <h1>Sign in</h1>
      <form onSubmit={(event) => void signIn(event)}>
        <label>
          Username <input name="username" autoComplete="username" required />
        </label>
        <label>
          Password{' '}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit">Sign in</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
