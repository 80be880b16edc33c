# mojaz in a container: two stages, so the compilers better-sqlite3 needs stay out of the image.
# The bot runs as the unprivileged `node` user; its SQLite store (the default) lives in the
# /data volume. With MOJAZ_DATABASE_URL set it uses PostgreSQL instead (see docker-compose.yml).
#
#   docker build -t mojaz .
#   docker run -d --env-file .env -v mojaz-data:/data -p 9464:9464 mojaz

# --- build: production dependencies, native modules compiled here ---
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- run: node, the dependencies and the sources (tsx runs the bot's TypeScript) ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    MOJAZ_DATA_DIR=/data \
    MOJAZ_HTTP_PORT=9464 \
    MOJAZ_LOG_FORMAT=json
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY config ./config
COPY fixtures/sample-feed.xml ./fixtures/sample-feed.xml
COPY src ./src
# The command line's bundle (bin/bundle.mjs), built while /app is writable; the bot runs tsx.
RUN node bin/bundle.mjs
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# 9464: /healthz and /metrics. 8443: the Telegram webhook (TELEGRAM_WEBHOOK_URL set).
EXPOSE 9464 8443
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.MOJAZ_HTTP_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself as PID 1 (not npm), so SIGTERM reaches mojaz's graceful stop.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]
