import { useState } from 'preact/hooks';

import { api } from '../api';
import { Card, ErrorBox, Field, useAction, useCanChange, useLoad } from '../ui';

interface Limits {
  block?: boolean;
  maxUsers?: number;
  maxOrgs?: number;
  maxBuckets?: number;
}
const LIMIT_FIELDS: Array<[keyof Limits, string]> = [
  ['maxUsers', 'Max users'],
  ['maxOrgs', 'Max orgs'],
  ['maxBuckets', 'Max buckets'],
];

/** Block / unblock and the counts limits (SetLimits; ResetLimits clears them). */
export function LimitsCard({ base }: { base: string }) {
  const canChange = useCanChange();
  const { value, error, reload } = useLoad(() => api.get<{ limits: Limits }>(`${base}/limits`), [base]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const action = useAction();
  const limits = value?.limits ?? {};
  const change = (body: unknown) =>
    action.run(() => api.put(`${base}/limits`, body)).then((ok) => ok && (setDraft({}), reload()));
  const numbers = Object.fromEntries(
    Object.entries(draft)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [k, Number(v)]),
  );
  return (
    <Card
      title="Limits"
      actions={<span class={`badge ${limits.block ? 'bad' : 'ok'}`}>{limits.block ? 'blocked' : 'not blocked'}</span>}
    >
      <ErrorBox error={error ?? action.error} />
      <dl class="facts">
        {LIMIT_FIELDS.map(([key, label]) => (
          <>
            <dt>{label}</dt>
            <dd>{limits[key] ?? 'no limit'}</dd>
          </>
        ))}
      </dl>
      {canChange && (
        <>
          <p class="buttons">
            {limits.block ? (
              <button type="button" disabled={action.busy} onClick={() => change({ block: false })}>
                Unblock
              </button>
            ) : (
              <button type="button" class="danger" disabled={action.busy} onClick={() => change({ block: true })}>
                Block
              </button>
            )}
            <button
              type="button"
              class="quiet"
              disabled={action.busy}
              onClick={() => action.run(() => api.del(`${base}/limits`)).then((ok) => ok && reload())}
            >
              Reset limits
            </button>
          </p>
          <form class="inline" onSubmit={(e) => (e.preventDefault(), change(numbers))}>
            {LIMIT_FIELDS.map(([key, label]) => (
              <Field label={label}>
                <input
                  type="number"
                  min={0}
                  value={draft[key] ?? ''}
                  onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
                />
              </Field>
            ))}
            <button type="submit" disabled={action.busy || Object.keys(numbers).length === 0}>
              Set limits
            </button>
          </form>
        </>
      )}
    </Card>
  );
}

const UNIT = 'UNIT_REQUESTS_ALL_AUTHENTICATED';

/** SetQuota for authenticated tenant requests (create or replace), and RemoveQuota. */
export function QuotaCard({ base }: { base: string }) {
  const canChange = useCanChange();
  const [amount, setAmount] = useState('100000');
  const [days, setDays] = useState('30');
  const [limit, setLimit] = useState(true);
  const [done, setDone] = useState('');
  const action = useAction();
  if (!canChange) return null;
  const set = () =>
    action
      .run(() => api.put(`${base}/quotas`, { unit: UNIT, amount, resetInterval: `${Number(days) * 86400}s`, limit }))
      .then((ok) => ok && setDone(`Quota set: ${amount} requests every ${days} days.`));
  const remove = () =>
    action.run(() => api.del(`${base}/quotas/${UNIT}`)).then((ok) => ok && setDone('Quota removed.'));
  return (
    <Card title="Request quota">
      <form class="inline" onSubmit={(e) => (e.preventDefault(), set())}>
        <Field label="Requests per period">
          <input type="number" min={1} required value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
        </Field>
        <Field label="Period (days)">
          <input type="number" min={1} required value={days} onInput={(e) => setDays(e.currentTarget.value)} />
        </Field>
        <label class="check">
          <input type="checkbox" checked={limit} onChange={(e) => setLimit(e.currentTarget.checked)} /> Refuse requests
          past the amount
        </label>
        <button type="submit" disabled={action.busy}>
          Set quota
        </button>
        <button type="button" class="quiet" disabled={action.busy} onClick={remove}>
          Remove quota
        </button>
      </form>
      {done && <p role="status">{done}</p>}
      <ErrorBox error={action.error} />
    </Card>
  );
}
