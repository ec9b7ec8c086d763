import { MAX_PAGE_OFFSET } from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Digits only become a number ("1e3", "0x10", " 7" stay strings and fail IsInt), as InfluxDB's strconv.Atoi would
 * have it; a huge one becomes a number too large for Max, never a bigint error in PostgreSQL.
 */
const wholeNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

// The swagger CLI plugin cannot look into these decorators, so each describes itself for the OpenAPI document.

/** Query parameter `offset`: 0..MAX_PAGE_OFFSET. */
export function PageOffset(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(wholeNumber),
    IsInt(),
    Min(0),
    Max(MAX_PAGE_OFFSET),
    ApiPropertyOptional({ type: 'number', minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0 }),
  );
}

/** Query parameter `limit` (or `pageSize`): 1..max, `fallback` when absent. */
export function PageLimit(max: number, fallback: number): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(wholeNumber),
    IsInt(),
    Min(1),
    Max(max),
    ApiPropertyOptional({ type: 'number', minimum: 1, maximum: max, default: fallback }),
  );
}
