import { useEffect, useState } from 'preact/hooks';

import { api, enc } from '../api';
import { Card, ErrorBox, Field, StateBadge, useAction, useCanChange, useLoad, when } from '../ui';
import type { Operation } from './operation-progress';

const STATES = ['', 'PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const LIVE = new Set(['PENDING', 'RUNNING']);

/** Newest first; refreshed every two seconds while one of them is still going. */
export function OperationsPage({ instanceId }: { instanceId?: string }) {
  const [state, setState] = useState('');
  const canChange = useCanChange();
  const action = useAction();
  const query = new URLSearchParams({
    pageSize: '50',
    ...(state ? { state } : {}),
    ...(instanceId ? { instanceId } : {}),
  });
  const { value, error, reload } = useLoad(
    () => api.get<{ operations: Operation[] }>(`/system/v1/operations?${query}`),
    [state, instanceId],
  );
  const operations = value?.operations ?? [];
  const live = operations.some((o) => LIVE.has(o.state));
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(reload, 2000);
    return () => clearInterval(timer);
  }, [live]);
  const act = (path: string, method: 'GET' | 'POST') =>
    action.run(() => (method === 'GET' ? api.get(path) : api.post(path))).then(reload);
  return (
    <Card title={instanceId ? `Operations of ${instanceId}` : 'Operations'}>
      <div class="toolbar">
        <Field label="State">
          <select value={state} onChange={(e) => setState(e.currentTarget.value)}>
            {STATES.map((s) => (
              <option value={s}>{s || 'any'}</option>
            ))}
          </select>
        </Field>
        <button type="button" class="quiet" onClick={reload}>
          Refresh
        </button>
        {live && (
          <span class="badge busy" role="status">
            live
          </span>
        )}
      </div>
      <ErrorBox error={error ?? action.error} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Operation</th>
              <th scope="col">Kind</th>
              <th scope="col">Instance</th>
              <th scope="col">State</th>
              <th scope="col">Progress</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span class="sr">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {operations.map((o) => (
              <tr key={o.id}>
                <td>
                  <code>{o.id}</code>
                </td>
                <td>{o.kind}</td>
                <td>
                  {o.instanceId ? (
                    <a href={`#/instances/${o.instanceId}`}>
                      <code>{o.instanceId}</code>
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <StateBadge state={o.state} />
                  {o.error && (
                    <div class="error small">
                      {o.error.reason}: {o.error.message}
                    </div>
                  )}
                </td>
                <td>
                  {o.progress.completedSteps}/{o.progress.totalSteps}{' '}
                  {o.progress.currentStep && <small>{o.progress.currentStep}</small>}{' '}
                  <small>attempt {o.attempts}</small>
                </td>
                <td>{when(o.createdAt)}</td>
                <td class="actions">
                  {LIVE.has(o.state) && (
                    <button
                      type="button"
                      class="quiet"
                      disabled={action.busy}
                      onClick={() => act(`/system/v1/operations/${enc(o.id)}/_wait?timeout=30s`, 'GET')}
                    >
                      Wait<span class="sr"> for {o.id}</span>
                    </button>
                  )}
                  {canChange && LIVE.has(o.state) && (
                    <button
                      type="button"
                      class="danger quiet"
                      disabled={action.busy}
                      onClick={() => act(`/system/v1/operations/${enc(o.id)}/_cancel`, 'POST')}
                    >
                      Cancel<span class="sr"> {o.id}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {value && operations.length === 0 && (
              <tr>
                <td colSpan={7}>No operation.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
