import { ErrorCode, type Quota, QuotaUnit } from '@app/domain';

import { TypeOrmQuotaRepository } from '../../libs/persistence/src/repositories/typeorm-quota.repository';
import { eventsOf, instanceFingerprint } from '../support/instance-fingerprint';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

const AT = new Date('2026-03-01T10:00:00.000Z');

describe('TypeOrmQuotaRepository (application role, instance scope)', () => {
  let harness: RepositoryHarness;
  let repo: TypeOrmQuotaRepository;
  let a: SeededInstance;
  let b: SeededInstance;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    repo = new TypeOrmQuotaRepository(harness.tenant);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  const quotaOf = (instanceId: string, over: Partial<Quota> = {}): Quota => ({
    id: newId(),
    instanceId,
    unit: QuotaUnit.ActionsAllRunSeconds,
    from: new Date('2026-01-01T00:00:00.000Z'),
    resetIntervalMs: 86_400_000,
    amount: 5000,
    limit: false,
    notifications: [{ id: newId(), percent: 50, repeat: true, callUrl: 'https://user:secret@hooks.example/quota' }],
    ...over,
  });

  it('adds a quota with its event (no call URL in it), finds it and its notification, and answers its details', async () => {
    const quota = quotaOf(a.instanceId);
    const details = await repo.add(quota, AT);
    expect(details).toMatchObject({ creationDate: AT, changeDate: AT, resourceOwner: a.instanceId });
    expect(await repo.find(a.instanceId, quota.unit)).toEqual(quota);
    expect(await repo.details(quota)).toEqual(details);
    const notification = quota.notifications[0];
    expect(await repo.findNotification(a.instanceId, notification.id)).toEqual({
      quotaId: quota.id,
      unit: quota.unit,
      notificationId: notification.id,
      callUrl: notification.callUrl,
    });
    const [event] = (await eventsOf(harness, a.instanceId)).slice(-1);
    expect(event).toMatchObject({ aggregate_type: 'quota', aggregate_id: quota.id, event_type: 'quota.added' });
    expect(JSON.stringify(event.payload)).not.toContain('secret');
    // notifications is a jsonb array, not a PostgreSQL array literal
    const [row] = await harness.owner<{ kind: string }>(
      'SELECT jsonb_typeof(notifications) AS kind FROM instance_quotas WHERE id = $1',
      [quota.id],
    );
    expect(row.kind).toBe('array');
    await expect(repo.add(quotaOf(a.instanceId), AT)).rejects.toMatchObject({ code: ErrorCode.AlreadyExists });
  });

  it('replacing keeps the stored id; recording a notification and removing write their events', async () => {
    const unit = QuotaUnit.RequestsAllAuthenticated;
    const seeded = await repo.find(a.instanceId, unit);
    expect(seeded?.id).toBe(a.operationId);
    const replacement = quotaOf(a.instanceId, { unit, amount: 10, limit: true });
    const later = new Date(AT.getTime() + 1000);
    const details = await repo.replace(replacement, later);
    expect(details).toMatchObject({ changeDate: later });
    expect(await repo.find(a.instanceId, unit)).toEqual({ ...replacement, id: a.operationId });

    const target = await repo.findNotification(a.instanceId, replacement.notifications[0].id);
    if (!target) throw new Error('the replaced quota has lost its notification');
    await repo.recordNotified(a.instanceId, target, { unit: 1, threshold: 50, usage: 5 }, later);
    expect(await repo.remove(a.instanceId, unit, later)).toMatchObject({ changeDate: later });
    expect(await repo.remove(a.instanceId, unit, later)).toBeNull();
    expect(await repo.find(a.instanceId, unit)).toBeNull();
    expect(
      (await eventsOf(harness, a.instanceId)).slice(-3).map((e) => [e.aggregate_id, e.event_type, e.payload]),
    ).toEqual([
      [a.operationId, 'quota.set', expect.objectContaining({ amount: 10, limit: true })],
      [a.operationId, 'quota.notified', { unit: 1, threshold: 50, usage: 5 }],
      [a.operationId, 'quota.removed', { unit }],
    ]);
  });

  it("with another instance's ids, finds nothing and changes nothing there", async () => {
    const theirNotification = newId();
    await harness.owner('UPDATE instance_quotas SET notifications = $2 WHERE instance_id = $1', [
      b.instanceId,
      JSON.stringify([{ id: theirNotification, percent: 50, repeat: false, callUrl: 'https://b.example/q' }]),
    ]);
    const untouched = await instanceFingerprint(harness, b.instanceId);
    // A's scope: B's notification and B's quota aggregate are unknown, and A's writes land in A only
    expect(await repo.findNotification(a.instanceId, theirNotification)).toBeNull();
    await expect(repo.details({ ...quotaOf(a.instanceId), id: b.operationId })).rejects.toMatchObject({
      code: ErrorCode.Internal,
    });
    await repo.replace(quotaOf(a.instanceId, { unit: QuotaUnit.RequestsAllAuthenticated }), AT);
    expect(await repo.remove(a.instanceId, QuotaUnit.RequestsAllAuthenticated, AT)).not.toBeNull();
    expect(await instanceFingerprint(harness, b.instanceId)).toEqual(untouched);
    expect(await repo.find(b.instanceId, QuotaUnit.RequestsAllAuthenticated)).toMatchObject({ id: b.operationId });
  });
});
