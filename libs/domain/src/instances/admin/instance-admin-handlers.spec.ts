import { AddInstanceDomainCommand } from '../../commands/add-instance-domain/add-instance-domain.command';
import { AddInstanceDomainHandler } from '../../commands/add-instance-domain/add-instance-domain.handler';
import { RemoveInstanceDomainCommand } from '../../commands/remove-instance-domain/remove-instance-domain.command';
import { RemoveInstanceDomainHandler } from '../../commands/remove-instance-domain/remove-instance-domain.handler';
import { RenameInstanceCommand } from '../../commands/rename-instance/rename-instance.command';
import { RenameInstanceHandler } from '../../commands/rename-instance/rename-instance.handler';
import { SetInstanceLimitsCommand } from '../../commands/set-instance-limits/set-instance-limits.command';
import { SetInstanceLimitsHandler } from '../../commands/set-instance-limits/set-instance-limits.handler';
import { SetPrimaryDomainCommand } from '../../commands/set-primary-domain/set-primary-domain.command';
import { SetPrimaryDomainHandler } from '../../commands/set-primary-domain/set-primary-domain.handler';
import { ErrorCode } from '../../errors';
import { InMemoryInstanceAdminRepository } from '../../testing/in-memory-instance-admin';
import { FixedClock } from '../../testing/in-memory-ports';
import { InstanceState } from '../instance-state';
import { instanceEvents } from './instance-events';

const A = 'aaaaaaaaaaaaaaaa';
const STOPPED = 'bbbbbbbbbbbbbbbb';

/** The System API's instance changes plan their own events and hand them to the port with the facts. */
describe('instance administration handlers', () => {
  let admin: InMemoryInstanceAdminRepository;
  const clock = new FixedClock();

  beforeEach(() => {
    admin = new InMemoryInstanceAdminRepository();
    admin.put(A, 'Acme');
    admin.put(STOPPED, 'Gone', InstanceState.Stopped);
  });

  const rename = (id: string, name: unknown) =>
    new RenameInstanceHandler(admin, admin, clock).execute(new RenameInstanceCommand(id, name));
  const addDomain = (id: string, domain: unknown) =>
    new AddInstanceDomainHandler(admin, clock).execute(new AddInstanceDomainCommand(id, domain));
  const removeDomain = (id: string, domain: string) =>
    new RemoveInstanceDomainHandler(admin, clock).execute(new RemoveInstanceDomainCommand(id, domain));
  const setPrimary = (id: string, domain: string) =>
    new SetPrimaryDomainHandler(admin, clock).execute(new SetPrimaryDomainCommand(id, domain));
  const setLimits = (id: string, limits: ConstructorParameters<typeof SetInstanceLimitsCommand>[1]) =>
    new SetInstanceLimitsHandler(admin, clock).execute(new SetInstanceLimitsCommand(id, limits));

  it('rename plans instance.changed with the checked (trimmed) name', async () => {
    await rename(A, '  Acme Two ');
    expect(admin.events).toEqual([instanceEvents.renamed(A, 'Acme Two')]);
    expect((await admin.findById(A))?.name).toBe('Acme Two');
  });

  it('an unchanged name, a stopped or unknown instance write no event', async () => {
    await expect(rename(A, 'Acme')).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
    await expect(rename(STOPPED, 'Back')).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(rename('cccccccccccccccc', 'New')).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(admin.events).toEqual([]);
  });

  it('adding a domain plans instance.domain.added with the host as stored (lowercase, no port)', async () => {
    await addDomain(A, 'Metrics.Acme.Example:8443');
    expect(admin.events).toEqual([instanceEvents.domainAdded(A, 'metrics.acme.example')]);
    expect(await admin.domainExists('metrics.acme.example')).toBe(true);
  });

  it('a taken domain is ALREADY_EXISTS and writes no event', async () => {
    await addDomain(A, 'metrics.acme.example');
    admin.put('cccccccccccccccc');
    await expect(addDomain('cccccccccccccccc', 'metrics.acme.example')).rejects.toMatchObject({
      code: ErrorCode.AlreadyExists,
    });
    expect(admin.events).toHaveLength(1);
  });

  it('setting the primary domain and removing it plan their events; the generated domain takes over', async () => {
    await addDomain(A, 'metrics.acme.example');
    await setPrimary(A, 'METRICS.acme.example');
    await removeDomain(A, 'metrics.acme.example');
    expect(admin.events.slice(1)).toEqual([
      instanceEvents.primaryDomainSet(A, 'metrics.acme.example'),
      instanceEvents.domainRemoved(A, 'metrics.acme.example'),
    ]);
    expect((await admin.searchDomains(A)).map((d) => [d.generated, d.primary])).toEqual([[true, true]]);
  });

  it('an unknown domain or the generated one is refused without an event', async () => {
    await expect(setPrimary(A, 'nowhere.example')).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(removeDomain(A, 'nowhere.example')).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(removeDomain(A, `${A}.generated.localhost`)).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
    });
    expect(admin.events).toEqual([]);
  });

  it('limits: the event carries the merged limits (left-out fields keep their value); null resets all', async () => {
    await setLimits(A, { maxUsers: 5, block: true });
    await setLimits(A, { maxOrgs: 2 });
    await setLimits(A, null);
    expect(admin.events).toEqual([
      instanceEvents.limitsSet(A, { block: true, maxUsers: 5, maxOrgs: null, maxBuckets: null }),
      instanceEvents.limitsSet(A, { block: true, maxUsers: 5, maxOrgs: 2, maxBuckets: null }),
      instanceEvents.limitsSet(A, { block: false, maxUsers: null, maxOrgs: null, maxBuckets: null }),
    ]);
  });

  it('invalid limits write no event', async () => {
    await expect(setLimits(A, { maxUsers: -1 })).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
    expect(admin.events).toEqual([]);
  });
});
