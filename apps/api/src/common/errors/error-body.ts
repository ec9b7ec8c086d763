import { type DomainError, ErrorCode } from '@app/domain';

/** gRPC status codes of the System API (google.rpc.Code). */
const GRPC_CODE: Record<ErrorCode, number> = {
  [ErrorCode.InvalidArgument]: 3,
  [ErrorCode.Unprocessable]: 3,
  [ErrorCode.NotFound]: 5,
  [ErrorCode.AlreadyExists]: 6,
  [ErrorCode.Conflict]: 6,
  [ErrorCode.PermissionDenied]: 7,
  [ErrorCode.ResourceExhausted]: 8,
  [ErrorCode.FailedPrecondition]: 9,
  [ErrorCode.Unimplemented]: 12,
  [ErrorCode.Internal]: 13,
  [ErrorCode.Unavailable]: 14,
  [ErrorCode.Unauthenticated]: 16,
};

/** grpc-gateway's HTTP mapping for those codes (design.md section 1). */
const HTTP_STATUS_OF_GRPC: Record<number, number> = {
  3: 400,
  5: 404,
  6: 409,
  7: 403,
  8: 429,
  9: 400,
  12: 501,
  13: 500,
  14: 503,
  16: 401,
};

/** The gRPC status code of a DomainError (the same on REST bodies and on gRPC, gRPC-Web and Connect). */
export function grpcCodeOf(error: DomainError): number {
  return GRPC_CODE[error.code];
}

export interface SystemErrorBody {
  code: number;
  message: string;
  details: object[];
}

export function systemError(
  error: DomainError,
  httpStatusOverride?: number,
): { status: number; body: SystemErrorBody } {
  const code = GRPC_CODE[error.code];
  const details = error.fieldViolations.length
    ? [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: error.fieldViolations }]
    : [];
  // gRPC has no "unprocessable": code 3 with HTTP 422, as for an Idempotency-Key reused with another request.
  const status = httpStatusOverride ?? (error.code === ErrorCode.Unprocessable ? 422 : HTTP_STATUS_OF_GRPC[code]);
  return { status, body: { code, message: error.message, details } };
}
