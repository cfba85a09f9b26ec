import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { db } from '@/src/db';
import { UserSourcesSection } from '@/entrypoints/options/UserSourcesSection';

let root: HTMLElement;
let window: ReturnType<typeof parseHTML>;
const globals = globalThis as unknown as { document?: Document };

beforeEach(() => {
  window = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  globals.document = window.document as unknown as Document;
  root = window.document.getElementById('root') as unknown as HTMLElement;
});

afterEach(async () => {
  render(null, root);
  delete globals.document;
  await Promise.all([db.reads.clear(), db.userSources.clear()]);
});

async function eventually(check: () => void, timeoutMs = 3000) {
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

function chooseFile(name: string, text: string): void {
  const input = root.querySelector('[data-user-source-file]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
  input.dispatchEvent(new window.Event('change') as unknown as Event);
}

function clickButton(label: string, within: Element = root): void {
  const button = [...within.querySelectorAll('button')].find((candidate) => candidate.textContent === label);
  if (!button) throw new Error(`no button "${label}" in: ${within.textContent}`);
  button.dispatchEvent(new window.Event('click') as unknown as Event);
}

const LIST = `# Caching reads
## Caching
- [Scaling Memcache at Facebook](https://www.usenix.org/conference/nsdi13/technical-sessions/presentation/nishtala)
- [Caching at Reddit](https://redditblog.com/2017/01/17/caching-at-reddit/)
- [Not a web page](javascript:alert(1))
`;

describe('UserSourcesSection', () => {
  it('previews a chosen file, adds it, lists it, and removes it after a confirmation', async () => {
    render(<UserSourcesSection />, root);
    await eventually(() => expect(root.textContent).toContain('No sources of your own yet.'));

    chooseFile('caching.md', LIST);
    await eventually(() => expect(root.querySelector('[data-user-source-preview]')?.textContent).toContain('2 reads to add, 0 already in the catalogue (skipped), 1 rejected.'));
    expect(root.textContent).toContain('line 5: only http: and https: links are accepted, not javascript:');
    expect((root.querySelector('[data-user-source-preview] input') as HTMLInputElement).value).toBe('Caching reads');
    expect(await db.reads.count()).toBe(0);

    clickButton('Add 2 reads');
    await eventually(() => expect(root.querySelector('[data-user-sources]')?.textContent).toContain('Caching reads'));
    expect(root.textContent).toContain('Added “Caching reads”: 2 reads.');
    expect(root.querySelector('[data-user-sources]')?.textContent).toContain('Markdown list · 2 reads');
    expect(await db.reads.where('origin').equals('user').count()).toBe(2);

    clickButton('Remove');
    await eventually(() => expect(root.textContent).toContain('Remove “Caching reads” and its 2 reads? Reads you saved stay in your queue.'));
    expect(await db.userSources.count()).toBe(1);
    clickButton('Remove', root.querySelector('[data-user-sources]')!);
    await eventually(() => expect(root.textContent).toContain('No sources of your own yet.'));
    expect(root.textContent).toContain('Removed “Caching reads”.');
    expect(await db.reads.count()).toBe(0);
  });

  it('shows a plain error for a file it cannot use, and adds nothing', async () => {
    render(<UserSourcesSection />, root);
    chooseFile('notes.txt', 'shopping list: milk, eggs');
    await eventually(() => expect(root.querySelector('.options-error')?.textContent).toContain('Markdown link list'));
    expect(root.querySelector('[data-user-source-preview]')).toBeNull();
    expect(await db.userSources.count()).toBe(0);
  });
});
