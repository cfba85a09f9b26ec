import { describe, expect, it } from 'vitest';
import { growthChart } from '@/scripts/bench/chart';

describe('growthChart', () => {
  it('draws one line and legend entry per series on decade ticks', () => {
    const svg = growthChart([
      { name: 'install <ours>', unit: 'ms', points: [{ size: 1000, cost: 20 }, { size: 100_000, cost: 2000 }] },
      { name: 'query', unit: 'µs', points: [{ size: 1000, cost: 30 }, { size: 100_000, cost: 90 }] },
    ]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(4);
    expect(svg).toContain('install &lt;ours&gt;');
    expect(svg).toContain('>100k</text>');
  });

  it('refuses to draw nothing', () => {
    expect(() => growthChart([{ name: 'x', unit: 'ms', points: [] }])).toThrow(/no points/);
  });
});
