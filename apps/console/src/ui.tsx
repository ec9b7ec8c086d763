import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';

import type { Session } from './api';

export const SessionContext = createContext<Session | null>(null);

/** Whether the signed-in caller may change anything (a SYSTEM_OWNER_VIEWER only reads). */
export function useCanChange(): boolean {
  return useContext(SessionContext)?.role === 'SYSTEM_OWNER';
}

/** Loads on mount and on reload(); keeps the last value while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (v) => live && (setValue(v), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { value, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}

/** Runs a change, shows its error, and tells when it is busy. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function ErrorBox({ error }: { error: string | null | undefined }) {
  return error ? (
    <p class="error" role="alert">
      {error}
    </p>
  ) : null;
}

export function Field(props: { label: string; hint?: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      {props.children}
      {props.hint && <small>{props.hint}</small>}
    </label>
  );
}

export function Card(props: { title: string; actions?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="card" aria-label={props.title}>
      <header>
        <h2>{props.title}</h2>
        {props.actions}
      </header>
      {props.children}
    </section>
  );
}

const STATE_TONE: Record<string, string> = {
  STATE_RUNNING: 'ok',
  SUCCEEDED: 'ok',
  STATE_CREATING: 'busy',
  RUNNING: 'busy',
  PENDING: 'busy',
  STATE_STOPPING: 'busy',
  STATE_STOPPED: 'off',
  CANCELLED: 'off',
  FAILED: 'bad',
  STATE_UNSPECIFIED: 'bad',
};

export function StateBadge({ state }: { state: string }) {
  return <span class={`badge ${STATE_TONE[state] ?? ''}`}>{state.replace(/^STATE_/, '').toLowerCase()}</span>;
}

export const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');
