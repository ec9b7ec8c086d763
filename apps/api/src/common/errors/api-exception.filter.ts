import { randomUUID } from 'node:crypto';

import { DomainError, ErrorCode, QuotaExhaustedError } from '@app/domain';
import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

import { setQuotaExhaustedCookie } from '../quota-cookie';
import { systemError } from './error-body';
import { influxError } from './influx-error-body';
import { toDomainError } from './to-domain-error';

/**
 * Answers every error in the format of the surface it happened on. Unknown errors are logged with an error id
 * and answered as internal errors; their message never reaches the caller.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    let translated = toDomainError(exception);
    if (!translated) {
      const errorId = randomUUID();
      // Name, message and stack only: a driver error also carries its query parameters, which are not for logs.
      const err =
        exception instanceof Error
          ? { name: exception.name, message: exception.message, stack: exception.stack }
          : { message: String(exception) };
      this.logger.error({ errorId, path: request.path, err }, 'unhandled error');
      translated = { error: new DomainError(ErrorCode.Internal, `internal error (error id ${errorId})`) };
    }
    if (response.headersSent) return;
    if (translated.error.retryAfterSeconds !== null)
      response.setHeader('Retry-After', String(translated.error.retryAfterSeconds));
    if (request.path.startsWith('/api/')) {
      const { status, body } = influxError(translated.error, translated.httpStatus);
      if (translated.error instanceof QuotaExhaustedError) setQuotaExhaustedCookie(response);
      response.status(status).setHeader('X-Platform-Error-Code', body.code);
      response.json(body);
      return;
    }
    const { status, body } = systemError(translated.error, translated.httpStatus);
    response.status(status).json(body);
  }
}
