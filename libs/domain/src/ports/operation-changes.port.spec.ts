import { isTerminal, OperationState } from '../operations/operation';
import { type OperationChangeListener, OperationChanges, OperationChangeSignal } from './operation-changes.port';

class ManualChanges extends OperationChanges {
  readonly listeners = new Map<string, Set<OperationChangeListener>>();
  readonly listening = true;

  subscribe(operationId: string, listener: OperationChangeListener): () => void {
    const set = this.listeners.get(operationId) ?? new Set();
    set.add(listener);
    this.listeners.set(operationId, set);
    return () => set.delete(listener);
  }

  notify(operationId: string, state: OperationState | null = null): void {
    for (const listener of this.listeners.get(operationId) ?? []) listener(state);
  }
}

describe('OperationChangeSignal', () => {
  it('keeps a change that came before the wait, so the next wait answers at once', async () => {
    const changes = new ManualChanges();
    const signal = new OperationChangeSignal(changes, 'op1');
    changes.notify('op1');
    const started = Date.now();
    await signal.next(60_000);
    expect(Date.now() - started).toBeLessThan(1000);
    signal.close();
  });

  it('wakes on a change of its operation only, and otherwise at the fallback timeout', async () => {
    const changes = new ManualChanges();
    const signal = new OperationChangeSignal(changes, 'op1');
    let woke = false;
    const waiting = signal.next(300).then(() => (woke = true));
    changes.notify('op2');
    await new Promise((r) => setTimeout(r, 50));
    expect(woke).toBe(false);
    changes.notify('op1');
    await waiting;
    const started = Date.now();
    await signal.next(100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    signal.close();
  });

  it('lets pass the changes it does not wake on, and wakes on those and on changes of unknown state', async () => {
    const changes = new ManualChanges();
    const signal = new OperationChangeSignal(changes, 'op1', isTerminal);
    let woke = false;
    const waiting = signal.next(60_000).then(() => (woke = true));
    changes.notify('op1', OperationState.Running);
    await new Promise((r) => setTimeout(r, 50));
    expect(woke).toBe(false);
    changes.notify('op1', OperationState.Succeeded);
    await waiting;
    changes.notify('op1', null);
    const started = Date.now();
    await signal.next(60_000);
    expect(Date.now() - started).toBeLessThan(1000);
    signal.close();
  });

  it('stops listening when closed, and close wakes a pending wait', async () => {
    const changes = new ManualChanges();
    const signal = new OperationChangeSignal(changes, 'op1');
    const waiting = signal.next(60_000);
    signal.close();
    await waiting;
    expect(changes.listeners.get('op1')?.size).toBe(0);
  });
});
