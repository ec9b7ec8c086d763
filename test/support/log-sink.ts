import type { DestinationStream } from 'pino';

/** Collects the JSON log lines a process writes, so that tests can search them (for leaked secrets, say). */
export class LogSink implements DestinationStream {
  readonly lines: string[] = [];

  write(line: string): void {
    this.lines.push(line);
  }

  text(): string {
    return this.lines.join('');
  }
}
