/** What the HTTP layer is given by the composition root: services, auth, limits. */

import type { Authenticator } from "../services/auth/authenticate.ts";
import type { ServiceContext } from "../services/context.ts";
import type { Logger } from "../shared/logger.ts";
import type { RateLimiter } from "./rate-limiter.ts";

export interface HttpDeps {
  readonly services: ServiceContext;
  readonly authenticator: Authenticator;
  readonly rateLimiter: RateLimiter;
  readonly logger: Logger;
  /** Base URL for links Quire signs itself; undefined → derived from each request's Host. */
  readonly publicUrl: string | undefined;
  /** false while starting or draining: /healthz answers 503. */
  readonly isReady: () => boolean;
}
