/**
 * The logic layer's thread: a Web Worker that runs dist/ JavaScript. It sees no DOM; it talks to the main
 * thread (shell and view) only by messages.
 */
import { LogicRuntime } from '../core/logic-runtime';
import type { LogicToMain, MainToLogic } from '../core/protocol';
import { createBrowserMy } from './my-env';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  location: { origin: string };
}
const scope = self as unknown as WorkerScope;

/** Messages posted in one turn cross together, so the view applies them and renders once. */
let outbox: LogicToMain[] = [];
function post(message: LogicToMain): void {
  outbox.push(message);
  if (outbox.length === 1)
    queueMicrotask(() => {
      const batch = outbox;
      outbox = [];
      scope.postMessage(batch);
    });
}

async function fetchPackage(root: string): Promise<Record<string, string>> {
  const response = await fetch(`${scope.location.origin}/__sim/package?layer=logic&root=${encodeURIComponent(root)}`);
  if (!response.ok) throw new Error(`loading package "${root || 'main'}" failed: HTTP ${response.status}`);
  const body = (await response.json()) as { files: Record<string, string> };
  return body.files;
}

// The main package is needed first whatever the launch page: start downloading it before `init` arrives.
let mainPackage: Promise<Record<string, string>> | null = fetchPackage('');
mainPackage.catch(() => undefined);

const runtime = new LogicRuntime(
  {
    post,
    loadPackage(root: string) {
      if (root === '' && mainPackage) {
        const pending = mainPackage;
        mainPackage = null;
        return pending;
      }
      return fetchPackage(root);
    },
    console,
  },
  (rt, invoke) => createBrowserMy(rt, invoke),
);

scope.addEventListener('message', (event: MessageEvent) => {
  for (const message of event.data as MainToLogic[]) runtime.handle(message);
});

self.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  const reason = event.reason as unknown;
  // A failed my.* promise that nobody handled is the app's concern; the platform logs it, so do we.
  const text = reason instanceof Error ? (reason.stack ?? reason.message) : JSON.stringify(reason);
  console.warn(`[simulator] unhandled promise rejection in the logic layer: ${text}`);
  const onUnhandled = (runtime as unknown as { app?: Record<string, unknown> }).app?.onUnhandledRejection;
  if (typeof onUnhandled === 'function') onUnhandled({ reason, promise: event.promise });
});
self.addEventListener('error', (event: ErrorEvent) => {
  runtime.reportError('logic layer', event.error ?? event.message);
});
