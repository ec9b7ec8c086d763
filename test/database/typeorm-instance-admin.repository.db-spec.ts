import { ErrorCode, instanceEvents, InstanceState } from '@app/domain';

import { TypeOrmInstanceRepository } from '../../libs/persistence/src/repositories/typeorm-instance.repository';
import { TypeOrmInstanceAdminRepository } from '../../libs/persistence/src/repositories/typeorm-instance-admin.repository';
import { eventsOf, instanceFingerprint } from '../support/instance-fingerprint';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

const AT = new Date('2026-03-01T10:00:00.000Z');
const SEARCH = { offset: 0, limit: 10, asc: true, sortingColumn: 'FIELD_NAME_ID' as const, includeStopped: false };

describe('TypeOrmInstanceAdminRepository (application role; system scope for search, instance scope for changes)', () => {
  let harness: RepositoryHarness;
  let repo: TypeOrmInstanceAdminRepository;
  let a: SeededInstance;
  let b: SeededInstance;
  let stopped: SeededInstance;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    repo = new TypeOrmInstanceAdminRepository(
      harness.tenant,
      harness.system,
      new TypeOrmInstanceRepository(harness.tenant),
    );
    a = await harness.seedInstance();
    b = await harness.seedInstance();
    stopped = await harness.seedInstance();
    await harness.owner('UPDATE instances SET state = $2 WHERE id = $1', [stopped.instanceId, InstanceState.Stopped]);
  });
  afterAll(() => harness.stop());

  it('searches across instances: by id, by domain, stopped ones only when asked, with paging and total', async () => {
    const live = [a.instanceId, b.instanceId].sort();
    const all = await repo.search(SEARCH);
    expect(all.total).toBe(2);
    expect(all.instances.map((i) => i.id)).toEqual(live);
    const withStopped = await repo.search({ ...SEARCH, includeStopped: true, asc: false, limit: 1, offset: 1 });
    expect(withStopped.total).toBe(3);
    expect(withStopped.instances.map((i) => i.id)).toEqual([[...live, stopped.instanceId].sort().reverse()[1]]);
    expect((await repo.search({ ...SEARCH, ids: [b.instanceId] })).instances.map((i) => i.id)).toEqual([b.instanceId]);
    const byDomain = await repo.search({ ...SEARCH, domains: [a.domain.toUpperCase()] });
    expect(byDomain.instances.map((i) => [i.id, i.domains.map((d) => d.domain)])).toEqual([[a.instanceId, [a.domain]]]);
    expect(await repo.domainExists(b.domain)).toBe(true);
    expect(await repo.domainExists('nobody.example')).toBe(false);
  });

  it('renames, sets limits and reads state, each with the event its handler planned', async () => {
    await repo.rename(a.instanceId, 'Renamed', instanceEvents.renamed(a.instanceId, 'Renamed'), AT);
    const limits = { block: true, maxUsers: 3, maxOrgs: null, maxBuckets: 7 };
    await repo.setLimits(a.instanceId, limits, instanceEvents.limitsSet(a.instanceId, limits), AT);
    expect(await repo.limits(a.instanceId)).toEqual(limits);
    expect(await repo.state(a.instanceId)).toBe(InstanceState.Running);
    expect(await repo.state(stopped.instanceId)).toBe(InstanceState.Stopped);
    const [row] = await harness.owner<{ name: string; blocked: boolean }>(
      'SELECT name, blocked FROM instances WHERE id = $1',
      [a.instanceId],
    );
    expect(row).toEqual({ name: 'Renamed', blocked: true });
    expect((await eventsOf(harness, a.instanceId)).slice(-2)).toEqual([
      {
        aggregate_type: 'instance',
        aggregate_id: a.instanceId,
        event_type: 'instance.changed',
        payload: { name: 'Renamed' },
        resource_owner: a.instanceId,
      },
      {
        aggregate_type: 'instance',
        aggregate_id: a.instanceId,
        event_type: 'instance.limits.set',
        payload: limits,
        resource_owner: a.instanceId,
      },
    ]);
  });

  it('adds a domain, makes it primary and removes it; the generated domain takes over', async () => {
    const custom = `custom-${newId()}.example`;
    await repo.addDomain(a.instanceId, custom, instanceEvents.domainAdded(a.instanceId, custom), AT);
    expect(
      await repo.setPrimaryDomain(a.instanceId, custom, instanceEvents.primaryDomainSet(a.instanceId, custom), AT),
    ).toBe(true);
    expect((await repo.searchDomains(a.instanceId, [custom])).map((d) => [d.domain, d.primary, d.generated])).toEqual([
      [custom, true, false],
    ]);
    // the generated domain cannot be removed
    expect(
      await repo.removeDomain(a.instanceId, a.domain, instanceEvents.domainRemoved(a.instanceId, a.domain), AT),
    ).toBe(false);
    expect(await repo.removeDomain(a.instanceId, custom, instanceEvents.domainRemoved(a.instanceId, custom), AT)).toBe(
      true,
    );
    expect((await repo.searchDomains(a.instanceId)).map((d) => [d.domain, d.primary])).toEqual([[a.domain, true]]);
    expect((await eventsOf(harness, a.instanceId)).slice(-3).map((e) => [e.event_type, e.payload])).toEqual([
      ['instance.domain.added', { domain: custom }],
      ['instance.domain.primary.set', { domain: custom }],
      ['instance.domain.removed', { domain: custom }],
    ]);
  });

  it('a domain another instance has is ALREADY_EXISTS; its domains cannot be removed or made primary from here', async () => {
    const untouched = await instanceFingerprint(harness, b.instanceId);
    const mine = await instanceFingerprint(harness, a.instanceId);
    await expect(
      repo.addDomain(a.instanceId, b.domain, instanceEvents.domainAdded(a.instanceId, b.domain), AT),
    ).rejects.toMatchObject({ code: ErrorCode.AlreadyExists });
    expect(
      await repo.removeDomain(a.instanceId, b.domain, instanceEvents.domainRemoved(a.instanceId, b.domain), AT),
    ).toBe(false);
    expect(
      await repo.setPrimaryDomain(a.instanceId, b.domain, instanceEvents.primaryDomainSet(a.instanceId, b.domain), AT),
    ).toBe(false);
    expect(await repo.searchDomains(a.instanceId, [b.domain])).toEqual([]);
    expect(await instanceFingerprint(harness, b.instanceId)).toEqual(untouched);
    expect(await instanceFingerprint(harness, a.instanceId)).toEqual(mine);
  });

  it('an unknown instance has no state, no limits and takes no event', async () => {
    const ghost = newId();
    expect(await repo.state(ghost)).toBeNull();
    expect(await repo.limits(ghost)).toEqual({ block: false, maxUsers: null, maxOrgs: null, maxBuckets: null });
    await repo.rename(ghost, 'x', instanceEvents.renamed(ghost, 'x'), AT);
    await repo.setLimits(
      ghost,
      { block: true, maxUsers: 1, maxOrgs: 1, maxBuckets: 1 },
      instanceEvents.limitsSet(ghost, { block: true, maxUsers: 1, maxOrgs: 1, maxBuckets: 1 }),
      AT,
    );
    expect(await eventsOf(harness, ghost)).toEqual([]);
  });
});
