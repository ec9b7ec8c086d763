import { BucketEntity } from './bucket.entity';
import { EventEntity } from './event.entity';
import { InstanceEntity } from './instance.entity';
import { InstanceDomainEntity } from './instance-domain.entity';
import { InstanceMemberEntity } from './instance-member.entity';
import { MachineKeyEntity } from './machine-key.entity';
import { OperationEntity } from './operation.entity';
import { OrgEntity } from './org.entity';
import { OrgMemberEntity } from './org-member.entity';
import { TokenEntity } from './token.entity';
import { UserEntity } from './user.entity';

export {
  BucketEntity,
  EventEntity,
  InstanceDomainEntity,
  InstanceEntity,
  InstanceMemberEntity,
  MachineKeyEntity,
  OperationEntity,
  OrgEntity,
  OrgMemberEntity,
  TokenEntity,
  UserEntity,
};

export const entities = [
  BucketEntity,
  EventEntity,
  InstanceDomainEntity,
  InstanceEntity,
  InstanceMemberEntity,
  MachineKeyEntity,
  OperationEntity,
  OrgEntity,
  OrgMemberEntity,
  TokenEntity,
  UserEntity,
];
