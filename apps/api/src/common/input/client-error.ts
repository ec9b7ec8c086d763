import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

import { DomainError, ErrorCode } from '@app/domain';

import { systemError } from '../errors/error-body';
import { influxError } from '../errors/influx-error-body';

/** Node's HTTP parser errors that a client causes, and what to answer. */
const PARSER_ERRORS: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: 'request line and headers must be at most 16 KiB' },
};
const MALFORMED = { status: 400, message: 'malformed HTTP request' };

/**
 * Requests that Node's HTTP parser refuses (headers over 16 KiB, bad framing) never reach Express; Node answers them
 * with an empty body. This answers them in the error format of the surface named in the request line, when it can
 * be read, and the System API's otherwise.
 */
export function answerParserErrorsInSurfaceFormat(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, message } = PARSER_ERRORS[err.code ?? ''] ?? MALFORMED;
    const requestLine = err.rawPacket?.subarray(0, 512).toString('latin1').split('\r\n', 1)[0] ?? '';
    const error = new DomainError(ErrorCode.InvalidArgument, message);
    const tenant = /^[A-Z]+ \/api\//.test(requestLine);
    const body = JSON.stringify(tenant ? influxError(error, status).body : systemError(error, status).body);
    const extra = tenant ? `X-Platform-Error-Code: ${influxError(error, status).body.code}\r\n` : '';
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n${extra}` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
