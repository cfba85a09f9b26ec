import { describe, expect, it } from 'vitest';
import { adjacentView, cardKeyTarget, escapeAction, isTyping, nextRowIndex, viewForKey } from '@/src/ui/keyboard';
import { parseHTML } from 'linkedom';

describe('viewForKey', () => {
  it('maps 1, 2 and 3 to Related, Search and Saved', () => {
    expect(['1', '2', '3'].map(viewForKey)).toEqual(['related', 'search', 'saved']);
  });

  it('ignores other keys', () => {
    expect(viewForKey('4')).toBeNull();
    expect(viewForKey('s')).toBeNull();
  });
});

describe('adjacentView', () => {
  it('moves right and left through the tabs, wrapping at the ends', () => {
    expect(adjacentView('related', 'ArrowRight')).toBe('search');
    expect(adjacentView('saved', 'ArrowRight')).toBe('related');
    expect(adjacentView('related', 'ArrowLeft')).toBe('saved');
  });

  it('is null for keys that are not left or right', () => {
    expect(adjacentView('search', 'ArrowDown')).toBeNull();
  });
});

describe('nextRowIndex', () => {
  it('steps down and stops at the last row', () => {
    expect(nextRowIndex(-1, 'ArrowDown', 3)).toBe(0);
    expect(nextRowIndex(1, 'ArrowDown', 3)).toBe(2);
    expect(nextRowIndex(2, 'ArrowDown', 3)).toBe(2);
  });

  it('steps up, leaving the list (-1) above the first row', () => {
    expect(nextRowIndex(2, 'ArrowUp', 3)).toBe(1);
    expect(nextRowIndex(0, 'ArrowUp', 3)).toBe(-1);
  });

  it('jumps to the ends with Home and End', () => {
    expect(nextRowIndex(1, 'Home', 5)).toBe(0);
    expect(nextRowIndex(1, 'End', 5)).toBe(4);
  });

  it('does nothing in an empty list or for other keys', () => {
    expect(nextRowIndex(-1, 'ArrowDown', 0)).toBeNull();
    expect(nextRowIndex(0, 'Enter', 3)).toBeNull();
  });
});

describe('escapeAction', () => {
  it('clears the query first, then the facets, then nothing', () => {
    expect(escapeAction('kafka', 2)).toBe('clear-query');
    expect(escapeAction('', 2)).toBe('clear-facets');
    expect(escapeAction('', 0)).toBeNull();
  });
});

describe('isTyping', () => {
  const { document } = parseHTML('<input id="i"><textarea id="t"></textarea><button id="b"></button>');

  it('is true in text fields, where letters and digits are text, not shortcuts', () => {
    expect(isTyping(document.getElementById('i'))).toBe(true);
    expect(isTyping(document.getElementById('t'))).toBe(true);
  });

  it('is false elsewhere', () => {
    expect(isTyping(document.getElementById('b'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

describe('cardKeyTarget', () => {
  it('maps S, M, E and N on a focused card to save, More like this, the summary toggle and the note', () => {
    expect(['s', 'm', 'e', 'n'].map(cardKeyTarget)).toEqual(['[data-save]', '[data-more]', '[data-expand]', '[data-note]']);
    expect(cardKeyTarget('M')).toBe('[data-more]');
  });

  it('ignores other keys', () => {
    expect(cardKeyTarget('x')).toBeNull();
    expect(cardKeyTarget('Enter')).toBeNull();
  });
});
