import { DomainError, ErrorCode, type FieldViolation } from '@app/domain';
import { type ValidationError, ValidationPipe } from '@nestjs/common';

function violations(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((description) => ({ field, description }));
    return [...own, ...violations(e.children ?? [], field)];
  });
}

/** class-validator at the edge; unknown fields are dropped (protojson), every violation names its field path. */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: false,
    exceptionFactory: (errors) => {
      const list = violations(errors);
      const message = list.map((v) => `${v.field}: ${v.description}`).join('; ');
      return new DomainError(ErrorCode.InvalidArgument, message || 'invalid request', list);
    },
  });
}
