import { randomUUID } from 'node:crypto';

import { DomainError, ErrorCode } from '@app/domain';
import { Code, ConnectError } from '@connectrpc/connect';
import { Logger } from '@nestjs/common';

import { grpcCodeOf } from '../../common/errors/error-body';
import { toDomainError } from '../../common/errors/to-domain-error';

const logger = new Logger('Errors');

/**
 * The gRPC face of ApiExceptionFilter: DomainErrors keep their code (our codes are gRPC codes already) and message;
 * anything else is logged with an error id and answered as Internal, without its message.
 */
export function toConnectError(error: unknown, procedure: string): ConnectError {
  if (error instanceof ConnectError) return error;
  const translated = toDomainError(error)?.error;
  if (translated) return new ConnectError(translated.message, grpcCodeOf(translated));
  const errorId = randomUUID();
  const err =
    error instanceof Error
      ? { name: error.name, message: error.message, stack: error.stack }
      : { message: String(error) };
  logger.error({ errorId, procedure, err }, 'unhandled error');
  return new ConnectError(
    new DomainError(ErrorCode.Internal, `internal error (error id ${errorId})`).message,
    Code.Internal,
  );
}
