import { type DomainError, ErrorCode } from '@app/domain';

/** InfluxDB v2 error codes and their HTTP status (design.md section 1). */
const INFLUX_ERROR: Record<ErrorCode, { code: string; status: number }> = {
  [ErrorCode.InvalidArgument]: { code: 'invalid', status: 400 },
  [ErrorCode.FailedPrecondition]: { code: 'invalid', status: 400 },
  [ErrorCode.Unprocessable]: { code: 'unprocessable entity', status: 422 },
  [ErrorCode.Conflict]: { code: 'conflict', status: 422 },
  [ErrorCode.AlreadyExists]: { code: 'conflict', status: 422 },
  [ErrorCode.NotFound]: { code: 'not found', status: 404 },
  [ErrorCode.Unauthenticated]: { code: 'unauthorized', status: 401 },
  [ErrorCode.PermissionDenied]: { code: 'forbidden', status: 403 },
  [ErrorCode.ResourceExhausted]: { code: 'too many requests', status: 429 },
  [ErrorCode.Unavailable]: { code: 'unavailable', status: 503 },
  [ErrorCode.Unimplemented]: { code: 'not implemented', status: 501 },
  [ErrorCode.Internal]: { code: 'internal error', status: 500 },
};

const CODE_OF_STATUS: Record<number, string> = {
  405: 'method not allowed',
  413: 'request too large',
  415: 'unsupported media type',
};

export interface InfluxErrorBody {
  code: string;
  message: string;
}

export function influxError(
  error: DomainError,
  httpStatusOverride?: number,
): { status: number; body: InfluxErrorBody } {
  const mapped = INFLUX_ERROR[error.code];
  const status = httpStatusOverride ?? mapped.status;
  return { status, body: { code: CODE_OF_STATUS[status] ?? mapped.code, message: error.message } };
}
