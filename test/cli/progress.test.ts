import { describe, expect, it, vi } from 'vitest';
import { Progress } from '../../src/cli/progress.js';

describe('Progress', () => {
  it('draws nothing off a terminal', () => {
    let out = '';
    const p = new Progress({ write: (s: string) => (out += s) }, false, 'rows');
    for (let i = 0; i <= 10_000; i++) p.tick(i);
    p.done();
    expect(out).toBe('');
  });

  it('on a terminal, after a second, redraws one line and clears it at the end', () => {
    vi.useFakeTimers({ now: 0 });
    let out = '';
    const p = new Progress({ write: (s: string) => (out += s) }, true, 'scored rows:');
    p.tick(1024);
    expect(out).toBe('');
    vi.setSystemTime(1500);
    p.tick(2048);
    expect(out).toBe('\rscored rows: 2,048…');
    p.done();
    expect(out.endsWith('\r\x1b[2K')).toBe(true);
    vi.useRealTimers();
  });
});
