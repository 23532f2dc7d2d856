// The hub: Fastify with the /api/v1 routes over one store, and the web build at /.
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { version as packageVersion } from '../../package.json';
import { HubError } from './errors';
import { accountRoutes } from './http/accountRoutes';
import { auditRoutes } from './http/auditRoutes';
import { blobRoutes } from './http/blobRoutes';
import { caseFileRoutes } from './http/caseFileRoutes';
import { SessionCache, SESSION_CACHE_MS } from './accounts/sessionCache';
import type { HubContext } from './http/context';
import { installErrorReplies } from './http/errorReplies';
import { sealRoutes } from './http/sealRoutes';
import { syncRoutes } from './http/syncRoutes';
import { PushQueue } from './sync/pushQueue';
import type { Store } from './store/store';
import { withUrgency, type Urgency } from './store/turns';

/** Largest request body (bytes). Bigger uploads (blobs) will come in chunks. */
export const BODY_LIMIT = 1024 * 1024;

export interface HubOptions {
  store: Store;
  /** The web build (out/renderer) to serve at /, when the folder exists. */
  webRoot?: string;
  /** Log requests as JSON lines to stdout; off by default. Secrets are redacted either way. */
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read them back). */
  logStream?: { write(line: string): void };
  now?: () => Date;
  /** Requests per minute per device (per address without a token); 600 by default. */
  rateLimit?: number;
  /** How long reads may reuse a device's session (ms); SESSION_CACHE_MS by default, 0 to look up every time. */
  sessionCacheMs?: number;
  /**
   * Pushes that wait for the store go in together, one transaction (sync/pushQueue.ts). Default: on the
   * embedded store, whose one connection makes them wait anyway; PostgreSQL runs them side by side.
   */
  groupPushes?: boolean;
  /** The seal key of the office's signing keys (loadSealKey); without one the hub signs no documents. */
  sealKey?: Uint8Array | null;
}

// Headers and fields that carry secrets never reach the log.
const REDACT = ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'];

export async function createHub(options: HubOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: options.logger ? { level: 'info', redact: { paths: REDACT, censor: '[redacted]' }, ...(options.logStream ? { stream: options.logStream } : {}) } : false,
  });
  app.decorateRequest('session', null);
  // JSON only: a text body would otherwise reach the schemas as a string and blur the error.
  app.removeContentTypeParser('text/plain');
  installErrorReplies(app);
  // After the body is read, so that the urgency reaches the route's own hooks and handler.
  app.addHook('preHandler', (request, _reply, done) => withUrgency(urgencyOf(request), done));
  const hub: HubContext = {
    store: options.store,
    now: options.now ?? (() => new Date()),
    version: packageVersion,
    sessions: new SessionCache(options.sessionCacheMs ?? SESSION_CACHE_MS),
    pushes: (options.groupPushes ?? options.store.kind === 'pglite') ? new PushQueue(options.store) : null,
    sealKey: options.sealKey ?? null,
  };

  await app.register(
    async (api) => {
      // Per device: the key is a hash of the bearer token (never the token), else the client address.
      // The API only: the web build's files are not limited — a browser's service worker fetches every
      // chunk of the app at once (over a hundred), and several browsers on one address share the count.
      await api.register(fastifyRateLimit, {
        global: true,
        max: options.rateLimit ?? 600,
        timeWindow: 60_000,
        keyGenerator: (request) => {
          const auth = request.headers.authorization;
          return auth ? 'd:' + createHash('sha256').update(auth).digest('hex').slice(0, 32) : 'a:' + request.ip;
        },
      });
      api.get('/health', async () => ({ ok: true, version: hub.version, store: hub.store.kind }));
      accountRoutes(api, hub);
      auditRoutes(api, hub);
      syncRoutes(api, hub);
      blobRoutes(api, hub);
      caseFileRoutes(api, hub);
      sealRoutes(api, hub);
    },
    { prefix: '/api/v1' },
  );
  await serveWebBuild(app, options.webRoot);
  app.setNotFoundHandler((request) => {
    throw new HubError(404, 'not-found', `no route ${request.method} ${request.url.split('?')[0]}`);
  });
  return app;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Overrides the urgency a route's method implies (see urgencyOf). */
    urgency?: Urgency;
  }
}

/**
 * Requests that store work go before reads on the embedded store (store/turns.ts): every request but
 * a GET, except those that only read through a POST body (their route says `config: { urgency: 'read' }`).
 */
function urgencyOf(request: FastifyRequest): Urgency {
  return request.routeOptions.config?.urgency ?? (request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write');
}

async function serveWebBuild(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  if (webRoot === undefined || !existsSync(webRoot)) return;
  await app.register(fastifyStatic, { root: webRoot, prefix: '/' });
}
