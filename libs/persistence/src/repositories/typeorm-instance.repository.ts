import { Id, InstanceRepository, InstanceState, InstanceView, ObjectDetails } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { InstanceDomainEntity, InstanceEntity } from '../entities';
import { aggregateDetails } from './aggregate-details';

@Injectable()
export class TypeOrmInstanceRepository extends InstanceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async findById(instanceId: Id): Promise<InstanceView | null> {
    const instance = await this.db.getRepository(InstanceEntity).findOneBy({ id: instanceId });
    if (!instance) return null;
    const domains = await this.db
      .getRepository(InstanceDomainEntity)
      .find({ where: { instanceId }, order: { createdAt: 'ASC', domain: 'ASC' } });
    const details: ObjectDetails = (await aggregateDetails(this.db.manager, instanceId, 'instance', instanceId)) ?? {
      sequence: '0',
      creationDate: instance.createdAt,
      changeDate: instance.updatedAt,
      resourceOwner: instanceId,
    };
    return {
      id: instance.id,
      name: instance.name,
      state: instance.state as InstanceState,
      defaultLanguage: instance.defaultLanguage,
      details,
      domains: domains.map((d) => ({
        domain: d.domain,
        primary: d.isPrimary,
        generated: d.isGenerated,
        details: {
          sequence: details.sequence,
          creationDate: d.createdAt,
          changeDate: d.createdAt,
          resourceOwner: instanceId,
        },
      })),
    };
  }
}
