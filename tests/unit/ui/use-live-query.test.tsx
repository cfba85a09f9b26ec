import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { createDb, type DocentDb } from '@/src/db';
import { save } from '@/src/queue/repository';
import type { Read } from '@/src/catalogue/types';
import { useLiveQuery } from '@/src/ui/use-live-query';
import { makeRead } from '../support/reads';

const read = (id: string): Read => makeRead(id, { readMinutes: 5, origin: 'awesome-scalability' });

let db: DocentDb;
let root: HTMLElement;
const globals = globalThis as unknown as { document?: Document };

beforeEach(() => {
  db = createDb(`ui-live-${Math.random()}`);
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  globals.document = document as unknown as Document;
  root = document.getElementById('root') as unknown as HTMLElement;
});

afterEach(async () => {
  render(null, root);
  delete globals.document;
  await db.delete();
});

function QueueCount({ db }: { db: DocentDb }) {
  const count = useLiveQuery(() => db.queue.count(), [db], null);
  return <output>{count === null ? 'loading' : String(count)}</output>;
}

async function eventually(check: () => void, timeoutMs = 2000) {
  const started = Date.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

describe('useLiveQuery', () => {
  it('shows the initial value, then the query result, then every later change', async () => {
    render(<QueueCount db={db} />, root);
    expect(root.textContent).toBe('loading');
    await eventually(() => expect(root.textContent).toBe('0'));
    await save(db, read('a'));
    await eventually(() => expect(root.textContent).toBe('1'));
    await save(db, read('b'));
    await eventually(() => expect(root.textContent).toBe('2'));
  });
});
