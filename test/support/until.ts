type Probe<T> = () => Promise<T | undefined | null | false> | T | undefined | null | false;

/** Polls `probe` every 50 ms until it answers something truthy, and answers that; fails naming `what` at the timeout. */
export async function until<T>(what: string, probe: Probe<T>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
