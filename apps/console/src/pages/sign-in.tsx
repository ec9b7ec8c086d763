import { useState } from 'preact/hooks';

import { api, type Session } from '../api';
import { ErrorBox, Field, useAction } from '../ui';

/** The credential goes to the server once; the server answers with an HttpOnly cookie, so the page never keeps it. */
export function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [token, setToken] = useState('');
  const { busy, error, run } = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    void run(async () => onSignedIn(await api.post<Session>('/console/api/session', { token })));
  };
  return (
    <main class="signin" id="main">
      <form onSubmit={submit} class="card">
        <h1>Provisioner console</h1>
        <p>Sign in with a system API token or a system user's JWT.</p>
        <Field label="System API token or JWT" hint="Sent once; the console keeps only a session cookie.">
          <input
            type="password"
            name="token"
            autoComplete="off"
            required
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </Field>
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
