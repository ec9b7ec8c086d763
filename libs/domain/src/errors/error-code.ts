/**
 * Domain error codes. Each API surface maps them to its own wire format:
 * gRPC codes for the System API, InfluxDB codes for the tenant API.
 */
export enum ErrorCode {
  InvalidArgument = 'INVALID_ARGUMENT',
  NotFound = 'NOT_FOUND',
  AlreadyExists = 'ALREADY_EXISTS',
  Conflict = 'CONFLICT',
  Unprocessable = 'UNPROCESSABLE',
  PermissionDenied = 'PERMISSION_DENIED',
  Unauthenticated = 'UNAUTHENTICATED',
  FailedPrecondition = 'FAILED_PRECONDITION',
  ResourceExhausted = 'RESOURCE_EXHAUSTED',
  Unavailable = 'UNAVAILABLE',
  /** A call of the protocol this service does not implement (ZITADEL internals such as views and failed events). */
  Unimplemented = 'UNIMPLEMENTED',
  Internal = 'INTERNAL',
}
