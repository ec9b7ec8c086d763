import { useEffect, useRef, useState } from 'preact/hooks';

import { api } from '../api';
import { Card, ErrorBox, when } from '../ui';

interface Counts {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}
interface Duration {
  name: string;
  count: number;
  sumSeconds: number;
}
interface Snapshot {
  capturedAt: string;
  queues: Counts[];
  failures: Array<{ queue: string; job: string; reason: string; attempts: number; failedAt: string | null }>;
  durations: { jobs: Duration[]; steps: Duration[] };
}

const REFRESH_MS = 3000;

/** Jobs per second come from the change of finished (completed + failed) jobs between two snapshots. */
export function QueuesPage() {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [rates, setRates] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const previous = useRef<Snapshot | null>(null);
  useEffect(() => {
    const load = () =>
      api.get<Snapshot>('/console/api/queues').then(
        (next) => {
          const before = previous.current;
          if (before) {
            const seconds = (Date.parse(next.capturedAt) - Date.parse(before.capturedAt)) / 1000 || 1;
            const finished = (c?: Counts) => (c ? c.completed + c.failed : 0);
            setRates(
              Object.fromEntries(
                next.queues.map((q) => [
                  q.queue,
                  Math.max(0, finished(q) - finished(before.queues.find((b) => b.queue === q.queue))) / seconds,
                ]),
              ),
            );
          }
          previous.current = next;
          setSnapshot(next);
          setError(null);
        },
        (e: Error) => setError(e.message),
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <>
      <Card title="Queues" actions={snapshot && <small>updated {when(snapshot.capturedAt)}</small>}>
        <ErrorBox error={error} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col">Waiting</th>
                <th scope="col">Active</th>
                <th scope="col">Delayed</th>
                <th scope="col">Failed</th>
                <th scope="col">Completed</th>
                <th scope="col">Jobs/s</th>
              </tr>
            </thead>
            <tbody>
              {(snapshot?.queues ?? []).map((q) => (
                <tr key={q.queue}>
                  <th scope="row">{q.queue}</th>
                  <td>{q.waiting}</td>
                  <td>{q.active}</td>
                  <td>{q.delayed}</td>
                  <td class={q.failed ? 'bad' : ''}>{q.failed}</td>
                  <td>{q.completed}</td>
                  <td>{(rates[q.queue] ?? 0).toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Durations (all workers)">
        <DurationTable caption="Jobs" rows={snapshot?.durations.jobs ?? []} />
        <DurationTable caption="Provisioning steps" rows={snapshot?.durations.steps ?? []} />
      </Card>
      <Card title="Recent failures">
        <ul class="list">
          {(snapshot?.failures ?? []).map((f) => (
            <li>
              <span>
                <strong>{f.queue}</strong> {f.job}{' '}
                <small>
                  after {f.attempts} attempts, {when(f.failedAt ?? undefined)}
                </small>
              </span>
              <span class="error small">{f.reason}</span>
            </li>
          ))}
          {snapshot && snapshot.failures.length === 0 && <li>No failed job.</li>}
        </ul>
      </Card>
    </>
  );
}

function DurationTable({ caption, rows }: { caption: string; rows: Duration[] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Count</th>
          <th scope="col">Average</th>
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.name}>
            <th scope="row">{d.name}</th>
            <td>{d.count}</td>
            <td>{((1000 * d.sumSeconds) / Math.max(1, d.count)).toFixed(1)} ms</td>
            <td>{d.sumSeconds.toFixed(2)} s</td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={4}>Nothing measured yet.</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
