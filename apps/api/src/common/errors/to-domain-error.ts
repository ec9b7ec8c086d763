import { DomainError, ErrorCode, preview } from '@app/domain';
import { HttpException, HttpStatus } from '@nestjs/common';

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

/** An error made by body-parser or raw-body (http-errors): a `status`, `expose` when it is the client's fault. */
interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

/** Fixed messages: the parsers' own ones may repeat header values or describe zlib internals. */
const BODY_ERROR_MESSAGE: Record<string, string> = {
  'entity.too.large': 'request body is too large',
  'charset.unsupported': 'JSON request bodies must be UTF-8 (charset=utf-8)',
  'encoding.unsupported': 'unsupported Content-Encoding: send gzip, deflate, br or none',
  'request.aborted': 'request body was aborted',
  'request.size.invalid': 'request body does not match its Content-Length',
  'entity.parse.failed': 'request body could not be parsed',
};

function bodyParserError(exception: unknown): TranslatedError | null {
  const parser = exception as BodyParserError;
  const status = parser?.status;
  if (typeof status !== 'number' || status < 400 || status > 499 || parser.expose !== true) return null;
  // A body that fails to decompress has no type: zlib's error with status 400.
  const message =
    BODY_ERROR_MESSAGE[parser.type ?? ''] ?? 'request body could not be read (is its Content-Encoding right?)';
  return {
    error: new DomainError(CODE_OF_STATUS[status] ?? ErrorCode.InvalidArgument, message),
    httpStatus: status === 413 || status === 415 ? status : undefined,
  };
}

export interface TranslatedError {
  error: DomainError;
  /** An HTTP status the surface must keep (413, 415), whatever its code mapping says. */
  httpStatus?: number;
}

/** Expected errors become DomainErrors; anything else is null and answered as an internal error. */
export function toDomainError(exception: unknown): TranslatedError | null {
  if (exception instanceof DomainError) return { error: exception };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = CODE_OF_STATUS[status];
    if (!code) return null;
    const keep = status === 413 || status === 415 || status === 405 ? status : undefined;
    // Nest turns body-parser's SyntaxError into a 400 carrying only the parser's message.
    const message =
      exception.cause === undefined && status === 400 && /JSON/.test(exception.message)
        ? `request body is not valid JSON: ${exception.message}`
        : exception.message;
    // Express's URIError message repeats the whole path parameter: cut it short.
    return { error: new DomainError(code, preview(message, 200)), httpStatus: keep };
  }
  return bodyParserError(exception);
}
