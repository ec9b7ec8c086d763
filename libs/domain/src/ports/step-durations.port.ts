/**
 * Where the worker reports how long each provisioning step took (Prometheus histograms, and totals for the console).
 * Reporting must never fail a job: implementations swallow their own errors.
 */
export abstract class StepDurations {
  abstract record(step: string, seconds: number): void;
}
