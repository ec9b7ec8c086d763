import { MAX_PAGE_OFFSET } from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Digits only become a number ("1e3", "0x10", " 7" stay strings and fail IsInt), as InfluxDB's strconv.Atoi would
 * have it; a huge one becomes a number too large for Max, never a bigint error in PostgreSQL.
 */
const wholeNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/** Query parameter `offset`: 0..MAX_PAGE_OFFSET. */
export function PageOffset(): PropertyDecorator {
  return applyDecorators(IsOptional(), Transform(wholeNumber), IsInt(), Min(0), Max(MAX_PAGE_OFFSET));
}

/** Query parameter `limit` (or `pageSize`): 1..max. */
export function PageLimit(max: number): PropertyDecorator {
  return applyDecorators(IsOptional(), Transform(wholeNumber), IsInt(), Min(1), Max(max));
}
