import {
  DomainError,
  Id,
  InstanceAdminRepository,
  InstanceDomainView,
  InstanceLimits,
  InstanceRepository,
  InstanceSearch,
  InstanceState,
  InstanceView,
  PlannedEvent,
} from '@app/domain';
import { Injectable } from '@nestjs/common';

import { SystemDatabase } from '../database/system-database';
import { type InstanceDomainRow, type InstanceRow } from '../database/tables';
import { TenantDatabase } from '../database/tenant-database';
import { isUniqueViolation } from './postgres-errors';

const SORT_COLUMN = { FIELD_NAME_ID: 'id', FIELD_NAME_NAME: 'name', FIELD_NAME_CREATION_DATE: 'created_at' } as const;

type LimitFields = Pick<InstanceRow, 'blocked' | 'max_users' | 'max_orgs' | 'max_buckets'>;

function toLimits(row: LimitFields | undefined): InstanceLimits {
  return {
    block: row?.blocked ?? false,
    maxUsers: row?.max_users ?? null,
    maxOrgs: row?.max_orgs ?? null,
    maxBuckets: row?.max_buckets ?? null,
  };
}

/**
 * The System API's changes to instances. Searching and the domain check look across instances (system scope);
 * everything else reads or changes one instance in a transaction scoped to it, and records the event its handler
 * planned only when the change touched a row.
 */
@Injectable()
export class TypeOrmInstanceAdminRepository extends InstanceAdminRepository {
  constructor(
    private readonly tenant: TenantDatabase,
    private readonly system: SystemDatabase,
    private readonly instances: InstanceRepository,
  ) {
    super();
  }

  async search(s: InstanceSearch): Promise<{ total: number; instances: InstanceView[] }> {
    const where = ['true'];
    const params: unknown[] = [];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (!s.includeStopped) add((n) => `i.state <> ${n}`, InstanceState.Stopped);
    if (s.ids?.length) add((n) => `i.id = ANY(${n})`, s.ids);
    if (s.domains?.length)
      add(
        (n) => `EXISTS (SELECT 1 FROM instance_domains d WHERE d.instance_id = i.id AND d.domain = ANY(${n}))`,
        s.domains.map((d) => d.toLowerCase()),
      );
    const column = SORT_COLUMN[s.sortingColumn];
    const direction = s.asc ? 'ASC' : 'DESC';
    const { total, ids } = await this.system.run(async (tx) => {
      const counted = await tx.first<{ total: number }>(
        `SELECT count(*)::int AS total FROM instances i WHERE ${where.join(' AND ')}`,
        params,
      );
      const page = [...params, s.limit, s.offset];
      const rows = await tx.rows<Pick<InstanceRow, 'id'>>(
        `SELECT i.id FROM instances i WHERE ${where.join(' AND ')} ORDER BY i.${column} ${direction}, i.id ${direction}
         LIMIT $${page.length - 1} OFFSET $${page.length}`,
        page,
      );
      return { total: counted?.total ?? 0, ids: rows.map((r) => r.id) };
    });
    // Each view is read in its own instance's scope, by the one mapper of instances.
    const views = await Promise.all(ids.map((id) => this.instances.findById(id)));
    return { total, instances: views.filter((v): v is InstanceView => v !== null) };
  }

  rename(instanceId: Id, name: string, event: PlannedEvent, at: Date): Promise<void> {
    return this.tenant.withInstance(instanceId, async (tx) => {
      const renamed = await tx.execute('UPDATE instances SET name = $2, updated_at = $3 WHERE id = $1', [
        instanceId,
        name,
        at,
      ]);
      if (renamed > 0) await tx.appendEvents(instanceId, [event], at);
    });
  }

  async searchDomains(instanceId: Id, domains?: readonly string[]): Promise<InstanceDomainView[]> {
    const view = await this.instances.findById(instanceId);
    return (view?.domains ?? []).filter((d) => !domains || domains.includes(d.domain));
  }

  async addDomain(instanceId: Id, domain: string, event: PlannedEvent, at: Date): Promise<void> {
    try {
      await this.tenant.withInstance(instanceId, async (tx) => {
        // The unique index on domain spans every instance, so another instance's domain is refused here too.
        await tx.insert('instance_domains', {
          instance_id: instanceId,
          domain,
          is_generated: false,
          is_primary: false,
          created_at: at,
        });
        await tx.appendEvents(instanceId, [event], at);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.alreadyExists(`domain "${domain}" is already taken`);
      throw error;
    }
  }

  removeDomain(instanceId: Id, domain: string, event: PlannedEvent, at: Date): Promise<boolean> {
    return this.tenant.withInstance(instanceId, async (tx) => {
      const removed = await tx.execute(
        'DELETE FROM instance_domains WHERE instance_id = $1 AND domain = $2 AND NOT is_generated',
        [instanceId, domain],
      );
      if (removed === 0) return false;
      // Without a primary the generated domain takes over.
      await tx.execute(
        `UPDATE instance_domains SET is_primary = true WHERE instance_id = $1 AND is_generated
           AND NOT EXISTS (SELECT 1 FROM instance_domains WHERE instance_id = $1 AND is_primary)`,
        [instanceId],
      );
      await tx.appendEvents(instanceId, [event], at);
      return true;
    });
  }

  setPrimaryDomain(instanceId: Id, domain: string, event: PlannedEvent, at: Date): Promise<boolean> {
    return this.tenant.withInstance(instanceId, async (tx) => {
      const found = await tx.first<Pick<InstanceDomainRow, 'domain'>>(
        'SELECT domain FROM instance_domains WHERE instance_id = $1 AND domain = $2',
        [instanceId, domain],
      );
      if (!found) return false;
      await tx.execute('UPDATE instance_domains SET is_primary = (domain = $2) WHERE instance_id = $1', [
        instanceId,
        domain,
      ]);
      await tx.appendEvents(instanceId, [event], at);
      return true;
    });
  }

  domainExists(domain: string): Promise<boolean> {
    return this.system.run(async (tx) =>
      Boolean(await tx.first('SELECT 1 FROM instance_domains WHERE domain = $1', [domain])),
    );
  }

  limits(instanceId: Id): Promise<InstanceLimits> {
    return this.tenant.withInstance(instanceId, async (tx) =>
      toLimits(
        await tx.first<LimitFields>('SELECT blocked, max_users, max_orgs, max_buckets FROM instances WHERE id = $1', [
          instanceId,
        ]),
      ),
    );
  }

  setLimits(instanceId: Id, l: InstanceLimits, event: PlannedEvent, at: Date): Promise<void> {
    return this.tenant.withInstance(instanceId, async (tx) => {
      const changed = await tx.execute(
        'UPDATE instances SET blocked = $2, max_users = $3, max_orgs = $4, max_buckets = $5, updated_at = $6 WHERE id = $1',
        [instanceId, l.block, l.maxUsers, l.maxOrgs, l.maxBuckets, at],
      );
      if (changed > 0) await tx.appendEvents(instanceId, [event], at);
    });
  }

  state(instanceId: Id): Promise<InstanceState | null> {
    return this.tenant.withInstance(instanceId, async (tx) => {
      const row = await tx.first<Pick<InstanceRow, 'state'>>('SELECT state FROM instances WHERE id = $1', [instanceId]);
      return row?.state ?? null;
    });
  }
}
