import { useEffect, useState } from 'preact/hooks';

import { api, consolePath, enc } from '../api';
import { Card, ErrorBox, StateBadge } from '../ui';
import { SecretsOnce } from './secrets-once';

export interface Operation {
  id: string;
  kind: string;
  instanceId?: string;
  state: string;
  progress: {
    currentStep?: string;
    completedSteps: number;
    totalSteps: number;
    /** Every step the latest attempt began, with its duration once it ended (the server records them). */
    steps?: { name: string; startedAt: string; durationMs?: number }[];
  };
  attempts: number;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  result?: { instanceId: string; pat?: string; machineKey?: string };
  error?: { reason: string; message: string; retryable: boolean };
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);
interface Step {
  name: string;
  startedAt: number;
  endedAt?: number;
}

/** Follows an operation over Server-Sent Events (the cookie authenticates them), timing each step as it is seen. */
export function OperationProgress({ id, onAgain }: { id: string; onAgain?: () => void }) {
  const [operation, setOperation] = useState<Operation | null>(null);
  const [steps, setSteps] = useState<Step[]>([]);
  const [finished, setFinished] = useState<Operation | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const source = new EventSource(consolePath(`/system/v1/operations/${enc(id)}/events`));
    source.addEventListener('progress', (event) => {
      const op = JSON.parse((event as MessageEvent<string>).data) as Operation;
      setOperation(op);
      const now = Date.now();
      setSteps((seen) => {
        const last = seen[seen.length - 1];
        const name = TERMINAL.has(op.state) ? null : op.progress.currentStep;
        if (last?.name === name) return seen;
        const closed = last && !last.endedAt ? [...seen.slice(0, -1), { ...last, endedAt: now }] : seen;
        return name ? [...closed, { name, startedAt: now }] : closed;
      });
      if (TERMINAL.has(op.state)) {
        source.close();
        // The events never carry secrets; the finished operation does, once, for the caller that created it.
        api.get<Operation>(`/system/v1/operations/${enc(id)}`).then(setFinished, (e: Error) => setError(e.message));
      }
    });
    source.onerror = () =>
      setError((e) => e ?? 'the event stream was interrupted; the operation goes on (see Operations)');
    return () => source.close();
  }, [id]);
  const op = finished ?? operation;
  const percent = op
    ? Math.round(
        (100 * (op.state === 'SUCCEEDED' ? op.progress.totalSteps : op.progress.completedSteps)) /
          Math.max(1, op.progress.totalSteps),
      )
    : 0;
  return (
    <>
      <Card title="Creating the instance" actions={op && <StateBadge state={op.state} />}>
        <p>
          Operation <code>{id}</code>
          {op ? `, attempt ${op.attempts}` : ''}
        </p>
        <progress max={100} value={percent} aria-label="Progress">
          {percent}%
        </progress>
        <ol class="steps" aria-live="polite">
          {(op?.progress.steps
            ? op.progress.steps.map((s) => ({ name: s.name, ms: s.durationMs }))
            : steps.map((s) => ({ name: s.name, ms: s.endedAt === undefined ? undefined : s.endedAt - s.startedAt }))
          ).map((s) => (
            <li key={s.name} class={s.ms === undefined ? 'current' : 'done'}>
              {s.name} <small>{s.ms === undefined ? 'running…' : `${s.ms} ms`}</small>
            </li>
          ))}
        </ol>
        {op?.error && (
          <p class="error" role="alert">
            {op.error.reason}: {op.error.message}
          </p>
        )}
        <ErrorBox error={finished ? null : error} />
        {finished?.state === 'SUCCEEDED' && (
          <p role="status">
            Done. <a href={`#/instances/${finished.result?.instanceId ?? finished.instanceId}`}>Open the instance</a>
          </p>
        )}
        {onAgain && finished && (
          <button type="button" class="quiet" onClick={onAgain}>
            Create another
          </button>
        )}
      </Card>
      {finished?.result && (finished.result.pat || finished.result.machineKey) && (
        <SecretsOnce result={finished.result} />
      )}
    </>
  );
}
