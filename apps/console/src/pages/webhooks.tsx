import { useState } from 'preact/hooks';

import { api, enc } from '../api';
import { Card, ErrorBox, Field, useAction, useCanChange, useLoad, when } from '../ui';

const EVENT_TYPES = ['instance.created', 'instance.failed', 'instance.removed', 'operation.finished'];
interface Webhook {
  id: string;
  url: string;
  eventTypes: string[];
  description?: string;
  creationDate: string;
}
interface Delivery {
  id: string;
  eventType: string;
  attempt: number;
  status: string;
  responseStatus?: number;
  error?: string;
  creationDate: string;
  lastAttemptDate?: string;
}

export function WebhooksPage() {
  const canChange = useCanChange();
  const { value, error, reload } = useLoad(() => api.get<{ result: Webhook[] }>('/system/v1/webhooks'));
  const [open, setOpen] = useState<string | null>(null);
  const action = useAction();
  return (
    <>
      {canChange && <Register onDone={reload} />}
      <Card title="Webhooks">
        <ErrorBox error={error ?? action.error} />
        <ul class="list">
          {(value?.result ?? []).map((w) => (
            <li key={w.id} class="stack">
              <div class="row">
                <span>
                  <code>{w.url}</code> <small>{w.eventTypes.join(', ')}</small>{' '}
                  {w.description && <small>— {w.description}</small>}
                </span>
                <span class="actions">
                  <button
                    type="button"
                    class="quiet"
                    aria-expanded={open === w.id}
                    onClick={() => setOpen(open === w.id ? null : w.id)}
                  >
                    Deliveries<span class="sr"> of {w.url}</span>
                  </button>
                  {canChange && (
                    <button
                      type="button"
                      class="danger quiet"
                      disabled={action.busy}
                      onClick={() => action.run(() => api.del(`/system/v1/webhooks/${enc(w.id)}`)).then(reload)}
                    >
                      Delete<span class="sr"> {w.url}</span>
                    </button>
                  )}
                </span>
              </div>
              {open === w.id && <Deliveries id={w.id} />}
            </li>
          ))}
          {value && value.result.length === 0 && <li>No webhook registered.</li>}
        </ul>
      </Card>
    </>
  );
}

function Register({ onDone }: { onDone: () => void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState<string[]>(['instance.created']);
  const [secret, setSecret] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const answer = await api.post<{ secret: string }>('/system/v1/webhooks', {
        url,
        eventTypes: types,
        ...(description ? { description } : {}),
      });
      setSecret(answer.secret);
      setUrl('');
      onDone();
    });
  };
  return (
    <Card title="Register a webhook">
      <form class="grid" onSubmit={submit}>
        <Field label="Endpoint URL">
          <input type="url" required maxLength={2048} value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </Field>
        <Field label="Description">
          <input maxLength={200} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        </Field>
        <fieldset>
          <legend>Events</legend>
          {EVENT_TYPES.map((t) => (
            <label class="check">
              <input
                type="checkbox"
                checked={types.includes(t)}
                onChange={(e) => setTypes(e.currentTarget.checked ? [...types, t] : types.filter((x) => x !== t))}
              />{' '}
              {t}
            </label>
          ))}
        </fieldset>
        <ErrorBox error={error} />
        <p class="buttons">
          <button type="submit" disabled={busy || types.length === 0}>
            Register webhook
          </button>
        </p>
      </form>
      {secret && (
        <p class="warning" role="alert">
          <strong>Signing secret, shown once:</strong> <code class="wrap">{secret}</code>
        </p>
      )}
    </Card>
  );
}

function Deliveries({ id }: { id: string }) {
  const { value, error, reload } = useLoad(
    () => api.get<{ result: Delivery[] }>(`/system/v1/webhooks/${enc(id)}/deliveries?limit=50`),
    [id],
  );
  return (
    <div class="deliveries">
      <ErrorBox error={error} />
      <button type="button" class="quiet" onClick={reload}>
        Refresh deliveries
      </button>
      <table>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Response</th>
            <th scope="col">Last attempt</th>
          </tr>
        </thead>
        <tbody>
          {(value?.result ?? []).map((d) => (
            <tr key={d.id}>
              <td>{d.eventType}</td>
              <td>{d.status}</td>
              <td>{d.attempt}</td>
              <td>{d.responseStatus ?? d.error ?? '—'}</td>
              <td>{when(d.lastAttemptDate ?? d.creationDate)}</td>
            </tr>
          ))}
          {value && value.result.length === 0 && (
            <tr>
              <td colSpan={5}>No delivery yet.</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
