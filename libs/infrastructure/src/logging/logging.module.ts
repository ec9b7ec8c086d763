import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';

import { AppConfig } from '../config/app-config';
import { AppLogger } from './app-logger';

export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Human-readable lines for a developer at a terminal; JSON everywhere else (production, tests, pipes). */
function prettyTransport(config: AppConfig, destination?: DestinationStream) {
  const pretty = !destination && config.development && process.stdout.isTTY === true;
  return pretty
    ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } }
    : undefined;
}

/**
 * JSON logs through pino. Requests are logged by method, path, status and time only: headers and bodies,
 * where tokens, cookies and passwords travel, are never serialized.
 */
@Module({})
export class LoggingModule {
  static forRoot(destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.logLevel,
              stream: destination,
              transport: prettyTransport(config, destination),
              genReqId: (req: IncomingMessage, res: ServerResponse) => {
                const id = header(req, 'x-request-id')?.slice(0, 128) || randomUUID();
                res.setHeader('X-Request-Id', id);
                return id;
              },
              customProps: (req: IncomingMessage) => ({
                traceSpan: header(req, 'zap-trace-span')?.slice(0, 512),
                traceparent: header(req, 'traceparent')?.slice(0, 128),
              }),
              // Our serializers read the raw request and response; pino's standard ones would first copy every
              // header of each request into an object that ours then throws away.
              wrapSerializers: false,
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  path: req.url.split('?')[0],
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              autoLogging: { ignore: (req: IncomingMessage) => req.url === '/healthz' || req.url === '/readyz' },
            },
          }),
        }),
      ],
      providers: [AppLogger],
      exports: [AppLogger],
    };
  }
}
