export enum InstanceState {
  Creating = 'STATE_CREATING',
  Running = 'STATE_RUNNING',
  Stopping = 'STATE_STOPPING',
  Stopped = 'STATE_STOPPED',
  Failed = 'STATE_FAILED',
}
