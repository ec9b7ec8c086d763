import type { Request } from 'express';
import { TenantCaller } from '@app/domain';

export const SESSION_COOKIE = 'influxdb-oss-session';

export interface TenantRequest extends Request {
  tenant?: TenantCaller;
}
