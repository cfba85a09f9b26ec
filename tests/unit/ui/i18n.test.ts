import { describe, expect, it } from 'vitest';
import { t } from '@/src/platform/i18n';
import english from '@/public/_locales/en/messages.json';

describe('t', () => {
  it('falls back to the English message when the browser has none', () => {
    expect(t('tabSaved')).toBe('Saved');
  });

  it('fills named placeholders from the substitutions, in order', () => {
    expect(t('unreadSummary', 3, 42)).toBe('Unread: 3 · about 42 min');
    expect(t('removeFilter', 'Tag', 'kafka')).toBe('Remove filter Tag: kafka');
  });

  it('leaves "$" in substituted text alone', () => {
    expect(t('removedSnack', 'Cost $1M? $TITLE$')).toBe('Removed “Cost $1M? $TITLE$”');
  });
});

describe('messages.json', () => {
  type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
  const entries = Object.entries(english as Record<string, Entry>);

  it('describes every message for translators', () => {
    expect(entries.filter(([, entry]) => !entry.description?.trim()).map(([key]) => key)).toEqual([]);
  });

  it('declares every placeholder a message uses', () => {
    for (const [key, entry] of entries) {
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
        expect(entry.placeholders?.[name!.toLowerCase()], `${key} uses $${name}$`).toBeDefined();
      }
    }
  });
});
