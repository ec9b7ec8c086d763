import { useState } from 'preact/hooks';

import { api, enc } from '../api';
import { Card, ErrorBox, Field, StateBadge, useAction, useCanChange, useLoad, when } from '../ui';
import { LimitsCard, QuotaCard } from './instance-limits';
import type { Instance } from './instances';

export function InstancePage({ id }: { id: string }) {
  const canChange = useCanChange();
  const { value, error, reload } = useLoad(
    () => api.get<{ instance: Instance }>(`/system/v1/instances/${enc(id)}`),
    [id],
  );
  const instance = value?.instance;
  if (!instance)
    return (
      <>
        <ErrorBox error={error} />
        {!error && <p class="loading">Loading…</p>}
      </>
    );
  const base = `/system/v1/instances/${enc(id)}`;
  return (
    <>
      <p>
        <a href="#/instances">← Instances</a>
      </p>
      <Card title={instance.name} actions={<StateBadge state={instance.state} />}>
        <dl class="facts">
          <dt>Id</dt>
          <dd>
            <code>{instance.id}</code>
          </dd>
          <dt>Created</dt>
          <dd>{when(instance.details.creationDate)}</dd>
          <dt>Changed</dt>
          <dd>{when(instance.details.changeDate)}</dd>
          <dt>Operations</dt>
          <dd>
            <a href={`#/operations/${instance.id}`}>of this instance</a>
          </dd>
        </dl>
        {canChange && <Rename base={base} name={instance.name} onDone={reload} />}
      </Card>
      <Domains base={base} domains={instance.domains} onChange={reload} />
      <LimitsCard base={base} />
      <QuotaCard base={base} />
      <Members base={base} />
      {canChange && instance.state !== 'STATE_STOPPED' && <Delete base={base} name={instance.name} onDone={reload} />}
    </>
  );
}

function Rename({ base, name, onDone }: { base: string; name: string; onDone: () => void }) {
  const [value, setValue] = useState(name);
  const { busy, error, run } = useAction();
  return (
    <form
      class="inline"
      onSubmit={(e) => (
        e.preventDefault(),
        run(() => api.put(base, { instanceName: value })).then((ok) => ok && onDone())
      )}
    >
      <Field label="Name">
        <input value={value} required maxLength={200} onInput={(e) => setValue(e.currentTarget.value)} />
      </Field>
      <button type="submit" disabled={busy || value === name}>
        Rename
      </button>
      <ErrorBox error={error} />
    </form>
  );
}

function Domains({ base, domains, onChange }: { base: string; domains: Instance['domains']; onChange: () => void }) {
  const canChange = useCanChange();
  const [domain, setDomain] = useState('');
  const { busy, error, run } = useAction();
  const act = (action: () => Promise<unknown>) => run(action).then((ok) => ok && onChange());
  return (
    <Card title="Domains">
      <ul class="list">
        {domains.map((d) => (
          <li key={d.domain}>
            <span>
              <code>{d.domain}</code> {d.primary && <span class="badge ok">primary</span>}{' '}
              {d.generated && <span class="badge">generated</span>}
            </span>
            {canChange && (
              <span class="actions">
                {!d.primary && (
                  <button
                    type="button"
                    class="quiet"
                    disabled={busy}
                    onClick={() => act(() => api.post(`${base}/domains/_set_primary`, { domain: d.domain }))}
                  >
                    Make primary<span class="sr"> {d.domain}</span>
                  </button>
                )}
                {!d.generated && (
                  <button
                    type="button"
                    class="danger quiet"
                    disabled={busy}
                    onClick={() => act(() => api.del(`${base}/domains/${enc(d.domain)}`))}
                  >
                    Remove<span class="sr"> {d.domain}</span>
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
      {canChange && (
        <form
          class="inline"
          onSubmit={(e) => (
            e.preventDefault(),
            act(() => api.post(`${base}/domains`, { domain })).then(() => setDomain(''))
          )}
        >
          <Field label="New domain">
            <input
              value={domain}
              required
              placeholder="metrics.example.com"
              onInput={(e) => setDomain(e.currentTarget.value)}
            />
          </Field>
          <button type="submit" disabled={busy}>
            Add domain
          </button>
        </form>
      )}
      <ErrorBox error={error} />
    </Card>
  );
}

function Members({ base }: { base: string }) {
  const { value, error } = useLoad(
    () =>
      api.post<{
        result: Array<{
          userId: string;
          preferredLoginName: string;
          email?: string;
          displayName?: string;
          roles: string[];
        }>;
      }>(`${base}/members/_search`, {}),
    [base],
  );
  return (
    <Card title="Members">
      <ErrorBox error={error} />
      <ul class="list">
        {(value?.result ?? []).map((m) => (
          <li key={m.userId}>
            <span>
              <strong>{m.preferredLoginName}</strong> {m.displayName} {m.email && <small>{m.email}</small>}
            </span>
            <span class="badge">{m.roles.join(', ')}</span>
          </li>
        ))}
        {value && value.result.length === 0 && <li>No members.</li>}
      </ul>
    </Card>
  );
}

function Delete({ base, name, onDone }: { base: string; name: string; onDone: () => void }) {
  const [typed, setTyped] = useState('');
  const { busy, error, run } = useAction();
  return (
    <Card title="Delete instance">
      <form
        class="inline"
        onSubmit={(e) => (e.preventDefault(), run(() => api.del(base)).then((ok) => ok && onDone()))}
      >
        <p>
          This stops the instance at once and deletes all its data. Type its name, <strong>{name}</strong>, to confirm.
        </p>
        <Field label="Instance name to confirm">
          <input value={typed} onInput={(e) => setTyped(e.currentTarget.value)} autoComplete="off" />
        </Field>
        <button type="submit" class="danger" disabled={busy || typed !== name}>
          Delete instance
        </button>
      </form>
      <ErrorBox error={error} />
    </Card>
  );
}
