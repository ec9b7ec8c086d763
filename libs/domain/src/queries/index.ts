import { GetInstanceHandler } from './get-instance/get-instance.handler';
import { GetOperationHandler } from './get-operation/get-operation.handler';

export * from './get-instance/get-instance.query';
export * from './get-instance/get-instance.handler';
export * from './get-operation/get-operation.query';
export * from './get-operation/get-operation.handler';

export const queryHandlers = [GetInstanceHandler, GetOperationHandler];
