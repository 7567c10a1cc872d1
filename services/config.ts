/** One place for how the app reaches its backend. */
export const config = {
  /** Set at build time from API_BASE_URL; the local mock backend by default. */
  apiBaseUrl: __API_BASE_URL__,
  /** Alipay recommends no request held ≥ 10 s. */
  requestTimeoutMs: 8000,
  /** Retries after the first try, for requests that are safe to repeat. */
  maxRetries: 2,
  retryBaseDelayMs: 300,
  retryMaxDelayMs: 3000,
};
