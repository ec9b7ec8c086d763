import { JobName } from '@app/infrastructure';

import { checkEveryJobHasOneHandler, jobHandlers } from './job-handlers';
import { type JobHandlerClass } from './jobs/job-handler';

/** A handler class for the check only: it is never run. */
function handlerOf(handles: JobName[]): JobHandlerClass {
  return Object.assign(class FakeHandler {}, { handles }) as unknown as JobHandlerClass;
}

describe(checkEveryJobHasOneHandler.name, () => {
  it('passes for the handlers the worker runs', () => {
    expect(() => checkEveryJobHasOneHandler()).not.toThrow();
  });

  it('fails the start when a job has no handler', () => {
    const withoutMaintenance = jobHandlers.filter((h) => !h.handles.includes(JobName.EraseExpiredSecrets));
    expect(() => checkEveryJobHasOneHandler(withoutMaintenance)).toThrow(
      'job maintenance/erase-expired-secrets has 0 handlers; it needs exactly one',
    );
  });

  it('fails the start when a job has two handlers', () => {
    const twice = [...jobHandlers, handlerOf([JobName.NotifyQuota])];
    expect(() => checkEveryJobHasOneHandler(twice)).toThrow(
      'job quota-notifications/notify-quota has 2 handlers; it needs exactly one',
    );
  });

  it('fails the start when a handler names a job that belongs to no queue', () => {
    const stray = [...jobHandlers, handlerOf(['refill-nothing' as JobName])];
    expect(() => checkEveryJobHasOneHandler(stray)).toThrow('handles job refill-nothing, which belongs to no queue');
  });
});
