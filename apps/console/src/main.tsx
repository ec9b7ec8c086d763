import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { api, rememberCsrf, type Session } from './api';
import { CreateInstancePage } from './pages/create-instance';
import { InstancePage } from './pages/instance';
import { InstancesPage } from './pages/instances';
import { OperationsPage } from './pages/operations';
import { QueuesPage } from './pages/queues';
import { SignIn } from './pages/sign-in';
import { WebhooksPage } from './pages/webhooks';
import { SessionContext } from './ui';

const NAV: Array<[string, string]> = [
  ['#/instances', 'Instances'],
  ['#/create', 'Create instance'],
  ['#/operations', 'Operations'],
  ['#/webhooks', 'Webhooks'],
  ['#/queues', 'Queues & workers'],
];

/** Hash routes (`#/instances/<id>`): the server serves one page, and reloading any view works. */
function useRoute(): string[] {
  const parse = () => (location.hash.replace(/^#\/?/, '') || 'instances').split('/').map(decodeURIComponent);
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const onChange = () => setRoute(parse());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function Page({ route }: { route: string[] }) {
  switch (route[0]) {
    case 'instances':
      return route[1] ? <InstancePage id={route[1]} /> : <InstancesPage />;
    case 'create':
      return <CreateInstancePage />;
    case 'operations':
      return <OperationsPage instanceId={route[1]} />;
    case 'webhooks':
      return <WebhooksPage />;
    case 'queues':
      return <QueuesPage />;
    default:
      return (
        <p>
          Nothing here. <a href="#/instances">Back to the instances</a>.
        </p>
      );
  }
}

function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const route = useRoute();
  const adopt = (s: Session | null) => {
    rememberCsrf(s?.csrfToken ?? '');
    setSession(s);
  };
  useEffect(() => {
    api.get<Session>('/console/api/session').then(adopt, () => adopt(null));
  }, []);
  useEffect(() => {
    document.querySelector('main')?.focus();
  }, [route.join('/')]);
  if (session === undefined) return <p class="loading">Loading…</p>;
  if (!session) return <SignIn onSignedIn={adopt} />;
  const signOut = async () => {
    await api.del('/console/api/session').catch(() => undefined);
    adopt(null);
  };
  return (
    <SessionContext.Provider value={session}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <strong class="brand">Provisioner console</strong>
        <nav aria-label="Main">
          {NAV.map(([href, label]) => (
            <a href={href} aria-current={href.slice(2) === route[0] ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <div class="who">
          <span>{session.caller}</span>
          <span class={`role ${session.role === 'SYSTEM_OWNER' ? '' : 'viewer'}`}>
            {session.role === 'SYSTEM_OWNER' ? 'owner' : 'viewer (read-only)'}
          </span>
          <button type="button" class="quiet" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </SessionContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
