import { Id, InstanceRepository, InstanceView, ObjectDetails } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type InstanceDomainRow, type InstanceRow } from '../database/tables';
import { TenantDatabase } from '../database/tenant-database';
import { aggregateDetails } from './aggregate-details';

@Injectable()
export class TypeOrmInstanceRepository extends InstanceRepository {
  constructor(private readonly db: TenantDatabase) {
    super();
  }

  findById(instanceId: Id): Promise<InstanceView | null> {
    return this.db.withInstance(instanceId, async (tx) => {
      const instance = await tx.first<InstanceRow>('SELECT * FROM instances WHERE id = $1', [instanceId]);
      if (!instance) return null;
      const domains = await tx.rows<InstanceDomainRow>(
        'SELECT * FROM instance_domains WHERE instance_id = $1 ORDER BY created_at, domain',
        [instanceId],
      );
      const details: ObjectDetails = (await aggregateDetails(tx, instanceId, 'instance', instanceId)) ?? {
        sequence: '0',
        creationDate: instance.created_at,
        changeDate: instance.updated_at,
        resourceOwner: instanceId,
      };
      return {
        id: instance.id,
        name: instance.name,
        state: instance.state,
        defaultLanguage: instance.default_language,
        details,
        domains: domains.map((d) => ({
          domain: d.domain,
          primary: d.is_primary,
          generated: d.is_generated,
          details: {
            sequence: details.sequence,
            creationDate: d.created_at,
            changeDate: d.created_at,
            resourceOwner: instanceId,
          },
        })),
      };
    });
  }
}
