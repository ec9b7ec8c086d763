import { type OperationView } from '@app/domain';

import { type OperationResponse, operationResponse } from '../../../system/operations/dto/operation.response';
import { type OnboardingResponse, onboardingResponse } from './onboarding.response';

/** An onboarding operation as the tenant API shows it: the System API's operation with an OnboardingResponse as result. */
export type SetupOperationResponse = Omit<OperationResponse, 'result'> & { result?: OnboardingResponse };

export function setupOperationResponse(view: OperationView): SetupOperationResponse {
  const { result: _none, ...operation } = operationResponse(view);
  return {
    ...operation,
    ...(view.operation.onboarding
      ? { result: onboardingResponse(view.operation.onboarding, view.secrets?.token) }
      : {}),
  };
}
