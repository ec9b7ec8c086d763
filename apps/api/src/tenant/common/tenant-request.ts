import { type TenantCaller } from '@app/domain';
import type { Request } from 'express';

export const SESSION_COOKIE = 'influxdb-oss-session';

export interface TenantRequest extends Request {
  tenant?: TenantCaller;
}
