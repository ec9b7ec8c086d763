# One image for every process: the API (default), the worker and the one-shot migration, all compiled JavaScript.
#   docker build -t instance-provisioner .
#   docker run ... instance-provisioner                                        # API on port 8080 (gRPC on 8081)
#   docker run ... instance-provisioner node dist/apps/worker/src/main.js      # a worker
#   docker run ... instance-provisioner node dist/scripts/migrate.js           # migrations only

# --- build: every dependency, the TypeScript compiler, `npm run build`, then the dev dependencies go again.
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

# --- runtime: node, the production dependencies and dist/; no compiler, no sources, no dev tooling.
FROM node:24-bookworm-slim
WORKDIR /app
RUN chown node:node /app
USER node
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist

# Production by default: the process refuses to start without SYSTEM_API_TOKENS and SECRET_KEY.
# docker-compose.yml sets NODE_ENV=development for local use.
ENV NODE_ENV=production \
    PORT=8080 \
    GRPC_PORT=8081

EXPOSE 8080 8081
STOPSIGNAL SIGTERM
# node is PID 1's only child of note: `docker stop` sends SIGTERM straight to it, so it drains requests and jobs.
CMD ["node", "dist/apps/api/src/main.js"]
