/** The body of InfluxDB's `POST /api/v2/setup` and `POST /api/v2/setup/user` (OnboardingRequest). */
export interface OnboardingInput {
  readonly username?: string;
  readonly password?: string;
  readonly org?: string;
  readonly bucket?: string;
  readonly retentionPeriodSeconds?: number;
  readonly retentionPeriodHrs?: number;
  readonly token?: string;
  readonly limit?: unknown;
}
