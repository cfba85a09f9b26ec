/** Expectations written as words: the term key the shipped vocabulary gives each (`partitions` → its folded key). */
import { vocabulary } from '@/src/relevance';
import { termCounts } from '@/src/relevance/vocabulary';

export function keysOf(...words: string[]): string[] {
  return words.map((word) => {
    const keys = [...termCounts(word, vocabulary()).keys()];
    if (keys.length !== 1) throw new Error(`"${word}" is ${keys.length} terms, not one: ${keys.join(', ')}`);
    return keys[0]!;
  });
}
