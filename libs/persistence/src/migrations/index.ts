import { InitialSchema1763856000000 } from './1763856000000-initial-schema';
import { TenantApi1763860000000 } from './1763860000000-tenant-api';
import { BucketsLabelsLimits1763864000000 } from './1763864000000-buckets-labels-limits';
import { Webhooks1763868000000 } from './1763868000000-webhooks';
import { OperationsIdempotency1763872000000 } from './1763872000000-operations-idempotency';
import { OperationRequesters1763876500000 } from './1763876500000-operation-requesters';
import { InstanceQuotas1763880000000 } from './1763880000000-instance-quotas';
import { OperationStepStarts1763884000000 } from './1763884000000-operation-step-starts';
import { OperationChangeNotifications1763888000000 } from './1763888000000-operation-change-notifications';
import { RowLevelSecurity1763892000000 } from './1763892000000-row-level-security';
import { InstanceAccessNotifications1763896000000 } from './1763896000000-instance-access-notifications';
import { MachineKeyPool1763900000000 } from './1763900000000-machine-key-pool';
import { OperationChangeStates1763904000000 } from './1763904000000-operation-change-states';
import { PendingCreatesFunction1763908000000 } from './1763908000000-pending-creates-function';

export const migrations = [
  InitialSchema1763856000000,
  TenantApi1763860000000,
  BucketsLabelsLimits1763864000000,
  Webhooks1763868000000,
  OperationsIdempotency1763872000000,
  OperationRequesters1763876500000,
  InstanceQuotas1763880000000,
  OperationStepStarts1763884000000,
  OperationChangeNotifications1763888000000,
  RowLevelSecurity1763892000000,
  InstanceAccessNotifications1763896000000,
  MachineKeyPool1763900000000,
  OperationChangeStates1763904000000,
  PendingCreatesFunction1763908000000,
];
