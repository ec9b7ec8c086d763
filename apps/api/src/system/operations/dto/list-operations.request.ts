import { OperationKind, OperationState } from '@app/domain';
import { IsEnum, IsOptional, IsString, Matches } from 'class-validator';

import { PageLimit } from '../../../common/validation/page-params';

export class ListOperationsParams {
  @IsOptional() @IsString() instanceId?: string;
  @IsOptional() @IsEnum(OperationKind) kind?: OperationKind;
  @IsOptional() @IsEnum(OperationState) state?: OperationState;
  @PageLimit(1000) pageSize = 100;
  @IsOptional() @IsString() pageToken?: string;
}

export class WaitParams {
  /** A duration such as `30s`, `500ms` or `2m` (at most 5 minutes); 30 s when absent. */
  @IsOptional()
  @Matches(/^\d{1,6}(ms|s|m)?$/, { message: 'timeout must be a duration such as 30s, 500ms or 2m' })
  timeout?: string;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };
export const MAX_WAIT_MS = 5 * 60_000;

export function waitMillis(timeout: string | undefined): number {
  if (!timeout) return 30_000;
  const [, amount, unit] = /^(\d+)(ms|s|m)?$/.exec(timeout)!;
  return Math.min(MAX_WAIT_MS, Number(amount) * UNIT_MS[unit ?? 's']);
}
