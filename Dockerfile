# Momentum in a container: build with the dev dependencies, run with production ones only.
# Not built in CI (these machines cannot pull base images); see README → Running it in production.
#   docker build -t momentum .
#   docker run --rm -p 3000:3000 -e DATABASE_URL=postgres://… momentum

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts run after the sources are in place (prepare would build an empty tree).
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json prisma.config.ts ./
COPY prisma ./prisma
COPY tools ./tools
COPY scripts ./scripts
COPY src ./src
# Generates the Prisma client (offline) and compiles src/ to dist/, then drops the dev dependencies.
RUN npm run build && npm prune --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 MOMENTUM_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Applied at start (under PostgreSQL's advisory lock when several instances start at once).
COPY --from=build /app/prisma/migrations ./prisma/migrations
# The embedded database (no DATABASE_URL) lives here: mount a volume, and run one container only.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 and handles SIGTERM (docker stop): no npm or shell in between to swallow the signal.
# Give it the grace period it needs: `docker stop -t 30`, or stop_grace_period in compose.yaml.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
