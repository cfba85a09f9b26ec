import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceptedUrl, normaliseUrl, pageId } from '@/src/queue/page-url';
import { move, sortQueue } from '@/src/queue/rules';
import type { QueueItem } from '@/src/queue/types';
import { fuzz, lineText } from '../support/fuzz';
import { makeItem } from './fixtures';

const ids = (items: QueueItem[]) => sortQueue(items, 'manual').map((item) => item.id);

describe('page links (property-based)', () => {
  it('normalisation is idempotent and keeps the link acceptable', () => {
    fuzz(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), (url) => {
        const once = normaliseUrl(url);
        expect(acceptedUrl(once).ok).toBe(true);
        expect(normaliseUrl(once)).toBe(once);
      }),
      { scale: 2 },
    );
  });

  it('one page, one id: host case, a fragment, a trailing slash or tracking parameters do not make another page', () => {
    fuzz(
      fc.property(
        fc.webUrl({ withQueryParameters: true }).filter((url) => !url.includes('#')),
        fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        fc.constantFrom('utm_source', 'utm_medium', 'UTM_Campaign', 'fbclid', 'gclid'),
        (url, fragment, tracking) => {
          const parsed = new URL(url);
          parsed.hostname = parsed.hostname.toUpperCase();
          if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
          parsed.searchParams.append(tracking, 'x');
          parsed.hash = fragment;
          expect(pageId(parsed.href)).toBe(pageId(url));
        },
      ),
      { scale: 2 },
    );
  });

  it('accepts only http and https links, whatever the text', () => {
    fuzz(
      fc.property(fc.oneof(lineText({ maxLength: 40 }), fc.webUrl(), fc.constantFrom('javascript:alert(1)', ' data:text/html,x', 'file:///etc/passwd', 'HTTPS://x.example')), (text) => {
        const checked = acceptedUrl(text);
        if (checked.ok) expect(new URL(checked.url).protocol).toMatch(/^https?:$/);
        else expect(checked.reason).toMatch(/\S/);
      }),
      { scale: 2 },
    );
  });
});

describe('ordering (property-based)', () => {
  const queue = ['a', 'b', 'c', 'd'].map((id, index) => makeItem(id, { position: index }));

  it('keeps a correct order through many random moves (renumbering when a gap is exhausted)', () => {
    fuzz(
      fc.property(fc.array(fc.tuple(fc.nat(3), fc.nat(3), fc.boolean()), { minLength: 1, maxLength: 120 }), (moves) => {
        let current = queue;
        let expected = ids(queue);
        for (const [from, to, before] of moves) {
          const id = expected[from]!;
          const targetId = expected[to]!;
          current = move(current, id, before ? { beforeId: targetId } : { afterId: targetId }, 1).queue;
          if (id !== targetId) {
            const rest = expected.filter((other) => other !== id);
            const at = rest.indexOf(targetId) + (before ? 0 : 1);
            expected = [...rest.slice(0, at), id, ...rest.slice(at)];
          }
        }
        expect(ids(current)).toEqual(expected);
      }),
    );
  });
});
