import { createServer, Http2Server, Http2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';

import { AppConfig } from '@app/infrastructure';
import type { ConnectRouter, ConnectRouterOptions } from '@connectrpc/connect';
import { expressConnectMiddleware } from '@connectrpc/connect-express';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { RequestHandler } from 'express';

import { SystemAuthenticator } from '../auth/system-authenticator';
import { systemGrpcInterceptor } from './system-grpc-auth';
import { systemProto } from './system-proto';
import { SystemServiceImplementation } from './system-service.implementation';

/**
 * Serves zitadel.system.v1.SystemService twice from one Connect router definition: gRPC-Web and Connect on the main
 * HTTP port (an Express middleware, see createApiApp), and native gRPC (plus gRPC-Web and Connect) over cleartext
 * HTTP/2 on GRPC_PORT (-1: off).
 */
@Injectable()
export class SystemGrpcServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('gRPC');
  private server: Http2Server | null = null;
  private readonly sessions = new Set<Http2Session>();

  constructor(
    private readonly implementation: SystemServiceImplementation,
    private readonly config: AppConfig,
  ) {}

  /** For the main port; mounted before the JSON body parser so that Connect reads its own request bodies. */
  expressMiddleware(): RequestHandler {
    return expressConnectMiddleware(this.routerOptions());
  }

  /** The port the h2c server listens on, or null when GRPC_PORT is -1. */
  get port(): number | null {
    return this.server ? (this.server.address() as AddressInfo).port : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.grpcPort < 0) return;
    const server = createServer(connectNodeAdapter(this.routerOptions()));
    server.on('session', (session) => {
      this.sessions.add(session);
      session.once('close', () => this.sessions.delete(session));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.grpcPort, () => resolve());
    });
    this.server = server;
    this.logger.log(`System API over gRPC (h2c) on port ${this.port}`);
  }

  /** Before the database and queues close: calls in flight finish, then idle HTTP/2 sessions end. */
  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // close() lets open streams finish, then ends the session (GOAWAY); server.close alone would wait for idle clients.
    for (const session of this.sessions) session.close();
    await closed;
  }

  private routerOptions(): ConnectRouterOptions & { routes: (router: ConnectRouter) => void } {
    return {
      routes: (router) => router.service(systemProto.SystemService, this.implementation.methods()),
      interceptors: [systemGrpcInterceptor(new SystemAuthenticator(this.config))],
    };
  }
}
