/** Typed send/handle over runtime messaging; the only place messages cross contexts. */
import { browser } from 'wxt/browser';
import type { Request, RequestOf, ResponseOf } from './messages';
import { isAllowedSender } from './message-guards';

export function sendMessage<R extends Request>(request: R): Promise<ResponseOf<R>> {
  return browser.runtime.sendMessage(request) as Promise<ResponseOf<R>>;
}

type Handler<T extends Request['type']> = (
  request: RequestOf<T>,
  sender: { tab?: { id?: number; url?: string } },
) => Promise<ResponseOf<RequestOf<T>>> | ResponseOf<RequestOf<T>>;

const handlers = new Map<string, Handler<never>>();
let listening = false;

/** Register the handler for one message type (one handler per type). */
export function onMessage<T extends Request['type']>(type: T, handler: Handler<T>): void {
  handlers.set(type, handler as unknown as Handler<never>);
  if (listening) return;
  listening = true;
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = message as Request;
    const handle = handlers.get(request?.type) as Handler<Request['type']> | undefined;
    if (!handle || !isAllowedSender(request.type, sender, browser.runtime.id, extensionOrigin)) return undefined;
    return Promise.resolve(handle(request as never, sender));
  });
}
