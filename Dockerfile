# One image for every process: the API (default), the worker and the one-shot migration.
# The TypeScript sources run with ts-node, as the npm scripts do; there is no build step.
#   docker build -t instance-provisioner .
#   docker run ... instance-provisioner                            # API on port 8080
#   docker run ... instance-provisioner npm run start:worker       # a worker
#   docker run ... instance-provisioner npm run migrate            # migrations only
FROM node:24-bookworm-slim

WORKDIR /app
RUN chown node:node /app
USER node

# npm as the scripts' shell runs bash, which execs the script's single command. Without that, `sh -c` sits between
# npm and node, and the SIGTERM that npm forwards on `docker stop` never reaches node, so node cannot drain HTTP
# requests or let active jobs finish.
ENV NPM_CONFIG_SCRIPT_SHELL=/bin/bash \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# Dependencies first, from the lockfile, so that they stay cached while only the sources change.
# ts-node, typescript and tsconfig-paths are runtime dependencies; test tooling is left out.
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY --chown=node:node . .

# Production by default: the process refuses to start without SYSTEM_API_TOKENS and SECRET_KEY.
# docker-compose.yml sets NODE_ENV=development for local use.
ENV NODE_ENV=production \
    PORT=8080

EXPOSE 8080
STOPSIGNAL SIGTERM
CMD ["npm", "run", "start:api"]
