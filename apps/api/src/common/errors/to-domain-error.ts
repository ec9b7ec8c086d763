import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, ErrorCode } from '@app/domain';

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.InvalidArgument,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.Unauthenticated,
  [HttpStatus.FORBIDDEN]: ErrorCode.PermissionDenied,
  [HttpStatus.NOT_FOUND]: ErrorCode.NotFound,
  [HttpStatus.METHOD_NOT_ALLOWED]: ErrorCode.NotFound,
  [HttpStatus.CONFLICT]: ErrorCode.AlreadyExists,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.InvalidArgument,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.InvalidArgument,
  [HttpStatus.UNPROCESSABLE_ENTITY]: ErrorCode.Unprocessable,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.ResourceExhausted,
  [HttpStatus.SERVICE_UNAVAILABLE]: ErrorCode.Unavailable,
};

interface BodyParserError {
  type?: string;
  status?: number;
}

export interface TranslatedError {
  error: DomainError;
  /** An HTTP status the surface must keep (413, 415), whatever its code mapping says. */
  httpStatus?: number;
}

/** Expected errors become DomainErrors; anything else is null and answered as an internal error. */
export function toDomainError(exception: unknown): TranslatedError | null {
  if (exception instanceof DomainError) return { error: exception };
  const parser = exception as BodyParserError;
  if (parser?.type === 'entity.too.large') {
    return { error: new DomainError(ErrorCode.InvalidArgument, 'request body is too large'), httpStatus: 413 };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = CODE_OF_STATUS[status];
    if (!code) return null;
    const keep = status === 413 || status === 415 || status === 405 ? status : undefined;
    // Nest turns body-parser's SyntaxError into a 400 carrying only the parser's message.
    const message = exception.cause === undefined && status === 400 && /JSON/.test(exception.message)
      ? `request body is not valid JSON: ${exception.message}`
      : exception.message;
    return { error: new DomainError(code, message), httpStatus: keep };
  }
  return null;
}
