# Kelasi's production image: the app (Next's standalone server) and, from the same image, the
# worker and the command line (`npm run kelasi -- backup`), which run the TypeScript sources with
# tsx and need pg_dump/pg_restore 15. docker-compose.yml starts it as `app`, `worker` and `migrate`.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# The build reads no secret and no database: these only satisfy the config's checks.
ENV NODE_ENV=production KELASI_STANDALONE=true PAYLOAD_SECRET=build-only-not-a-secret NEXT_TELEMETRY_DISABLED=1
RUN npx next build

FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
# postgresql-client-15 is bookworm's own: the pg_dump/pg_restore that match PostgreSQL 15.
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client-15 ca-certificates tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    NEXT_TELEMETRY_DISABLED=1 \
    MALLOC_ARENA_MAX=2 \
    KELASI_DATA_DIR=/app/.data \
    KELASI_MEDIA_DIR=/app/media \
    BACKUP_DIR=/app/backups
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json payload.config.ts payload-types.ts ./
COPY collections ./collections
COPY hooks ./hooks
COPY migrations ./migrations
COPY portal ./portal
COPY scripts ./scripts
COPY src ./src
# The standalone server and its build; the full node_modules above already hold what it traced.
COPY --from=build /app/.next/standalone/server.js ./server.js
COPY --from=build /app/.next/standalone/.next ./.next
COPY --from=build /app/.next/static ./.next/static
RUN mkdir -p .data media backups .next/cache && chown -R node:node .data media backups .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# tini passes signals on (SIGTERM lets the worker finish its jobs) and reaps pg_dump's children.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "server.js"]
