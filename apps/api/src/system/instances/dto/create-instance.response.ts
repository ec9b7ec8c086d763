import { type OperationView } from '@app/domain';

import { type DetailsJson, detailsJson } from '../../protojson';

/** ZITADEL `CreateInstanceResponse`. */
export interface CreateInstanceResponse {
  instanceId: string;
  details: DetailsJson;
  pat?: string;
  machineKey?: string;
}

export function createInstanceResponse({ operation, secrets }: OperationView): CreateInstanceResponse {
  if (!operation.outcome) throw new Error(`operation ${operation.id} has no outcome`);
  return {
    instanceId: operation.outcome.instanceId,
    details: detailsJson(operation.outcome.details),
    ...(secrets?.pat ? { pat: secrets.pat } : {}),
    ...(secrets?.machineKey ? { machineKey: secrets.machineKey } : {}),
  };
}
