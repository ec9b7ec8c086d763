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
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { EventEntity } from '../entities';
import { isUniqueViolation } from './postgres-errors';

const SORT_COLUMN = { FIELD_NAME_ID: 'id', FIELD_NAME_NAME: 'name', FIELD_NAME_CREATION_DATE: 'created_at' } as const;

@Injectable()
export class TypeOrmInstanceAdminRepository extends InstanceAdminRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
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
    const [{ total }] = (await this.db.query(
      `SELECT count(*)::int AS total FROM instances i WHERE ${where.join(' AND ')}`,
      params,
    )) as { total: number }[];
    const column = SORT_COLUMN[s.sortingColumn];
    params.push(s.limit, s.offset);
    const rows = (await this.db.query(
      `SELECT i.id FROM instances i WHERE ${where.join(' AND ')} ORDER BY i.${column} ${s.asc ? 'ASC' : 'DESC'}, i.id ${s.asc ? 'ASC' : 'DESC'}
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as { id: string }[];
    const views = await Promise.all(rows.map((r) => this.instances.findById(r.id)));
    return { total, instances: views.filter((v): v is InstanceView => v !== null) };
  }

  async rename(instanceId: Id, name: string, at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE instances SET name = $2, updated_at = $3 WHERE id = $1', [instanceId, name, at]);
      await this.event(tx, instanceId, 'instance.changed', { name }, at);
    });
  }

  async searchDomains(instanceId: Id, domains?: readonly string[]): Promise<InstanceDomainView[]> {
    const view = await this.instances.findById(instanceId);
    return (view?.domains ?? []).filter((d) => !domains || domains.includes(d.domain));
  }

  async addDomain(instanceId: Id, domain: string, at: Date): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        await tx.query(
          'INSERT INTO instance_domains (instance_id, domain, is_generated, is_primary, created_at) VALUES ($1, $2, false, false, $3)',
          [instanceId, domain, at],
        );
        await this.event(tx, instanceId, 'instance.domain.added', { domain }, at);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.alreadyExists(`domain "${domain}" is already taken`);
      throw error;
    }
  }

  async removeDomain(instanceId: Id, domain: string, at: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [, removed] = (await tx.query(
        'DELETE FROM instance_domains WHERE instance_id = $1 AND domain = $2 AND NOT is_generated RETURNING is_primary',
        [instanceId, domain],
      )) as [{ is_primary: boolean }[], number];
      if (removed === 0) return false;
      // Without a primary the generated domain takes over.
      await tx.query(
        `UPDATE instance_domains SET is_primary = true WHERE instance_id = $1 AND is_generated
           AND NOT EXISTS (SELECT 1 FROM instance_domains WHERE instance_id = $1 AND is_primary)`,
        [instanceId],
      );
      await this.event(tx, instanceId, 'instance.domain.removed', { domain }, at);
      return true;
    });
  }

  async setPrimaryDomain(instanceId: Id, domain: string, at: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = (await tx.query('SELECT 1 FROM instance_domains WHERE instance_id = $1 AND domain = $2', [
        instanceId,
        domain,
      ])) as unknown[];
      if (rows.length === 0) return false;
      await tx.query('UPDATE instance_domains SET is_primary = (domain = $2) WHERE instance_id = $1', [
        instanceId,
        domain,
      ]);
      await this.event(tx, instanceId, 'instance.domain.primary.set', { domain }, at);
      return true;
    });
  }

  async domainExists(domain: string): Promise<boolean> {
    const rows = (await this.db.query('SELECT 1 FROM instance_domains WHERE domain = $1', [domain])) as unknown[];
    return rows.length > 0;
  }

  async limits(instanceId: Id): Promise<InstanceLimits> {
    const [row] = (await this.db.query(
      'SELECT blocked, max_users, max_orgs, max_buckets FROM instances WHERE id = $1',
      [instanceId],
    )) as {
      blocked: boolean;
      max_users: number | null;
      max_orgs: number | null;
      max_buckets: number | null;
    }[];
    return {
      block: row?.blocked ?? false,
      maxUsers: row?.max_users ?? null,
      maxOrgs: row?.max_orgs ?? null,
      maxBuckets: row?.max_buckets ?? null,
    };
  }

  async setLimits(instanceId: Id, l: InstanceLimits, at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        'UPDATE instances SET blocked = $2, max_users = $3, max_orgs = $4, max_buckets = $5, updated_at = $6 WHERE id = $1',
        [instanceId, l.block, l.maxUsers, l.maxOrgs, l.maxBuckets, at],
      );
      await this.event(tx, instanceId, 'instance.limits.set', { ...l }, at);
    });
  }

  async state(instanceId: Id): Promise<InstanceState | null> {
    const [row] = (await this.db.query('SELECT state FROM instances WHERE id = $1', [instanceId])) as {
      state: InstanceState;
    }[];
    return row?.state ?? null;
  }

  private async event(tx: EntityManager, instanceId: Id, type: string, payload: object, at: Date): Promise<void> {
    await tx.insert(EventEntity, {
      instanceId,
      aggregateType: 'instance',
      aggregateId: instanceId,
      eventType: type,
      payload,
      resourceOwner: instanceId,
      createdAt: at,
    });
  }
}
