import { useState } from 'preact/hooks';

import { api } from '../api';
import { Card, ErrorBox, Field, StateBadge, useCanChange, useLoad, when } from '../ui';

const PAGE_SIZE = 20;
const ID = /^[0-9a-f]{16}$/;

export interface Instance {
  id: string;
  name: string;
  state: string;
  details: { creationDate?: string; changeDate?: string };
  domains: Array<{ domain: string; primary: boolean; generated: boolean }>;
}

/** An id or a domain becomes the System API's idQuery / domainQuery; other text filters this page by name. */
function searchBody(text: string, offset: number, includeStopped: boolean) {
  const term = text.trim();
  const queries = ID.test(term)
    ? [{ idQuery: { ids: [term] } }]
    : term.includes('.')
      ? [{ domainQuery: { domains: [term] } }]
      : undefined;
  return { query: { offset, limit: PAGE_SIZE }, ...(queries ? { queries } : {}), includeStopped };
}

export function InstancesPage() {
  const [text, setText] = useState('');
  const [applied, setApplied] = useState('');
  const [offset, setOffset] = useState(0);
  const [includeStopped, setIncludeStopped] = useState(false);
  const canChange = useCanChange();
  const { value, error } = useLoad(
    () =>
      api.post<{ details: { totalResult: string }; result: Instance[] }>(
        '/system/v1/instances/_search',
        searchBody(applied, offset, includeStopped),
      ),
    [applied, offset, includeStopped],
  );
  const byName =
    applied.trim() && !ID.test(applied.trim()) && !applied.includes('.') ? applied.trim().toLowerCase() : '';
  const rows = (value?.result ?? []).filter((i) => !byName || i.name.toLowerCase().includes(byName));
  const total = Number(value?.details.totalResult ?? 0);
  return (
    <Card
      title="Instances"
      actions={
        canChange && (
          <a class="button" href="#/create">
            New instance
          </a>
        )
      }
    >
      <form class="toolbar" role="search" onSubmit={(e) => (e.preventDefault(), setOffset(0), setApplied(text))}>
        <Field label="Search" hint="An id or a domain searches all instances; other text filters this page by name.">
          <input type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </Field>
        <label class="check">
          <input
            type="checkbox"
            checked={includeStopped}
            onChange={(e) => (setOffset(0), setIncludeStopped(e.currentTarget.checked))}
          />{' '}
          Include stopped
        </label>
        <button type="submit">Search</button>
      </form>
      <ErrorBox error={error} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Primary domain</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.id}>
                <td>
                  <a href={`#/instances/${i.id}`}>{i.name}</a>
                </td>
                <td>
                  <code>{i.id}</code>
                </td>
                <td>{i.domains.find((d) => d.primary)?.domain ?? '—'}</td>
                <td>
                  <StateBadge state={i.state} />
                </td>
                <td>{when(i.details.creationDate)}</td>
              </tr>
            ))}
            {value && rows.length === 0 && (
              <tr>
                <td colSpan={5}>No instance matches.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label="Pages">
        <button
          type="button"
          class="quiet"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
        >
          Previous
        </button>
        <span>{total ? `${offset + 1}–${Math.min(offset + PAGE_SIZE, total)} of ${total}` : '0 instances'}</span>
        <button
          type="button"
          class="quiet"
          disabled={offset + PAGE_SIZE >= total}
          onClick={() => setOffset(offset + PAGE_SIZE)}
        >
          Next
        </button>
      </nav>
    </Card>
  );
}
