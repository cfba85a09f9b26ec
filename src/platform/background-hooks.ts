/**
 * The background's event handlers, reachable from the service worker's global scope as
 * `docentHandlers`. Browser UI such as the omnibox and context menus cannot be driven from
 * tests, so the e2e suite (and anyone debugging in the worker console) calls these instead.
 */
export type BackgroundHandlers = Record<string, (...args: never[]) => unknown>;

const handlers: BackgroundHandlers = {};
(globalThis as { docentHandlers?: BackgroundHandlers }).docentHandlers = handlers;

export function exposeHandlers(named: BackgroundHandlers): void {
  Object.assign(handlers, named);
}
