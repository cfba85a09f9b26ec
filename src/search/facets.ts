/**
 * Facet values of the catalogue with, for each value, the reads that have it — precomputed so a
 * facet filter is a walk over id lists, never a scan of the catalogue.
 */
import type { Read } from '@/src/catalogue/types';
import { normaliseTerm } from '@/src/vocabulary';
import type { Facet, FacetKind } from './types';

export const FACET_KINDS: readonly FacetKind[] = ['tag', 'category', 'section', 'source', 'year'];

/** Values that differ only in case, spacing or punctuation are one facet (`Event Sourcing`, `event-sourcing`). */
export function facetKey(value: string): string {
  return normaliseTerm(value);
}

function writtenValues(read: Read, kind: FacetKind): string[] {
  switch (kind) {
    case 'tag':
      return read.tags;
    case 'category':
      return read.category ? [read.category] : [];
    case 'section':
      return read.section ? [read.section] : [];
    case 'source':
      return read.source ? [read.source] : [];
    case 'year':
      return read.published ? [read.published.slice(0, 4)] : [];
  }
}

type FacetValue = {
  /** Ids (positions in the catalogue) of the reads with this value, ascending. */
  readIds: number[];
  /** How often each written form occurs; the most common one is what the UI shows. */
  writtenForms: Map<string, number>;
  displayed?: string;
};

export class FacetIndex {
  private readonly values = new Map<FacetKind, Map<string, FacetValue>>();
  /** Per kind, per read: the keys of its values (what facetCounts tallies). */
  private readonly keysByRead = new Map<FacetKind, string[][]>();

  constructor(reads: readonly Read[]) {
    for (const kind of FACET_KINDS) {
      const byKey = new Map<string, FacetValue>();
      const keysByRead: string[][] = new Array(reads.length);
      const keyOfWritten = new Map<string, string>();
      reads.forEach((read, readId) => {
        const keys: string[] = [];
        for (const written of writtenValues(read, kind)) {
          let key = keyOfWritten.get(written);
          if (key === undefined) keyOfWritten.set(written, (key = facetKey(written)));
          if (!key || keys.includes(key)) continue;
          keys.push(key);
          let value = byKey.get(key);
          if (!value) byKey.set(key, (value = { readIds: [], writtenForms: new Map() }));
          value.readIds.push(readId);
          value.writtenForms.set(written.trim(), (value.writtenForms.get(written.trim()) ?? 0) + 1);
        }
        keysByRead[readId] = keys;
      });
      this.values.set(kind, byKey);
      this.keysByRead.set(kind, keysByRead);
    }
  }

  /**
   * Reads passing every facet kind in `facets` (values of one kind are alternatives, kinds combine
   * with AND), as a membership mask — or null when there are no facets, meaning "all reads".
   */
  allowedMask(facets: readonly Facet[], readCount: number): Uint8Array | null {
    const keysByKind = new Map<FacetKind, Set<string>>();
    for (const facet of facets) {
      if (!FACET_KINDS.includes(facet.kind)) throw new Error(`Unknown facet kind "${String(facet.kind)}"`);
      let keys = keysByKind.get(facet.kind);
      if (!keys) keysByKind.set(facet.kind, (keys = new Set()));
      keys.add(facetKey(facet.value));
    }
    if (keysByKind.size === 0) return null;
    // Count, per read, how many kinds it satisfies; a read passes when it satisfies all of them.
    const kindsSatisfied = new Uint8Array(readCount);
    const lastKindSeen = new Int8Array(readCount).fill(-1);
    let kindNumber = 0;
    for (const [kind, keys] of keysByKind) {
      for (const key of keys) {
        for (const readId of this.values.get(kind)?.get(key)?.readIds ?? []) {
          if (lastKindSeen[readId] === kindNumber) continue;
          lastKindSeen[readId] = kindNumber;
          kindsSatisfied[readId]++;
        }
      }
      kindNumber++;
    }
    const mask = new Uint8Array(readCount);
    for (let readId = 0; readId < readCount; readId++) {
      if (kindsSatisfied[readId] === keysByKind.size) mask[readId] = 1;
    }
    return mask;
  }

  /** Facet values of `kind` among `readIds`, shown in their most common written form, most frequent first. */
  counts(kind: FacetKind, readIds: Iterable<number>): { facet: Facet; count: number }[] {
    const keysByRead = this.keysByRead.get(kind);
    const byKey = this.values.get(kind);
    if (!keysByRead || !byKey) throw new Error(`Unknown facet kind "${String(kind)}"`);
    const tally = new Map<string, number>();
    for (const readId of readIds) {
      for (const key of keysByRead[readId]) tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    return [...tally]
      .map(([key, count]) => ({ facet: { kind, value: this.displayedValue(byKey.get(key)!) }, count }))
      .sort((a, b) => b.count - a.count || compareText(a.facet.value, b.facet.value));
  }

  private displayedValue(value: FacetValue): string {
    if (value.displayed === undefined) {
      let best = '';
      let bestCount = -1;
      for (const [written, count] of value.writtenForms) {
        if (count > bestCount || (count === bestCount && compareText(written, best) < 0)) {
          best = written;
          bestCount = count;
        }
      }
      value.displayed = best;
    }
    return value.displayed;
  }
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
