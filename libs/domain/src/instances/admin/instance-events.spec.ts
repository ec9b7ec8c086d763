import { instanceEvents } from './instance-events';

const INSTANCE = '1111111111111111';

describe('instanceEvents', () => {
  it('plans each change as an event of the instance aggregate, owned by the instance, with the names of the log', () => {
    const planned = [
      instanceEvents.renamed(INSTANCE, 'Acme 2'),
      instanceEvents.domainAdded(INSTANCE, 'metrics.acme.example'),
      instanceEvents.domainRemoved(INSTANCE, 'metrics.acme.example'),
      instanceEvents.primaryDomainSet(INSTANCE, 'metrics.acme.example'),
      instanceEvents.limitsSet(INSTANCE, { block: true, maxUsers: 5, maxOrgs: null, maxBuckets: 0 }),
    ];
    expect(planned).toEqual(
      [
        { type: 'instance.changed', payload: { name: 'Acme 2' } },
        { type: 'instance.domain.added', payload: { domain: 'metrics.acme.example' } },
        { type: 'instance.domain.removed', payload: { domain: 'metrics.acme.example' } },
        { type: 'instance.domain.primary.set', payload: { domain: 'metrics.acme.example' } },
        { type: 'instance.limits.set', payload: { block: true, maxUsers: 5, maxOrgs: null, maxBuckets: 0 } },
      ].map((e) => ({ aggregateType: 'instance', aggregateId: INSTANCE, resourceOwner: INSTANCE, ...e })),
    );
  });

  it('keeps only the four limits in the payload, whatever else the object carries', () => {
    const limits = { block: false, maxUsers: null, maxOrgs: 3, maxBuckets: null, extra: 'not a limit' };
    expect(Object.keys(instanceEvents.limitsSet(INSTANCE, limits).payload)).toEqual([
      'block',
      'maxUsers',
      'maxOrgs',
      'maxBuckets',
    ]);
  });
});
