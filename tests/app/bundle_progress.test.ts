import { afterEach, describe, expect, it, vi } from 'vitest';
import { MapSession } from '../../src/app/map_session.svelte';
import { createInProcessCompute } from '../../src/gpu/in_process_compute';
import { MemoryVectorStore } from '../../src/store/memory_vector_store';
import { realisticMap } from '../share/bundle/bundle_fixtures';

afterEach(() => {
  vi.useRealTimers();
});

describe("a bundle's progress line", () => {
  it('says how much has come once opening takes a while, at most twice a second', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const session = new MapSession(
      createInProcessCompute({ exclude: ['webgpu', 'webgl', 'wasm'] }),
      new MemoryVectorStore(),
    );
    const lines: string[] = [];
    const outcome = await session.openBundle(async (_signal, progress) => {
      // A download: its pieces arrive every 100 ms, 1/30 of the file each.
      for (let piece = 0; piece <= 30; piece++) {
        progress(piece / 30, 'download');
        lines.push(session.progress!.detail);
        vi.advanceTimersByTime(100);
      }
      return realisticMap(40);
    });
    expect(outcome).toBe('shown');
    expect(session.progress).toBeNull();
    // A quick open (the first 1.5 s) shows no percentages: a repaint costs a software renderer.
    expect(new Set(lines.slice(0, 15))).toEqual(new Set(['Opening the map']));
    const shown = [...new Set(lines.slice(15))];
    expect(shown).toEqual([
      'Downloading the map (50 %)',
      'Downloading the map (66 %)',
      'Downloading the map (83 %)',
      'Downloading the map (100 %)',
    ]);
  });

  it('says it is reading a picked file', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const session = new MapSession(
      createInProcessCompute({ exclude: ['webgpu', 'webgl', 'wasm'] }),
      new MemoryVectorStore(),
    );
    let line = '';
    await session.openBundle(async (_signal, progress) => {
      vi.advanceTimersByTime(2000);
      progress(0.25, 'read');
      line = session.progress!.detail;
      return realisticMap(40);
    });
    expect(line).toBe('Reading the map (25 %)');
  });
});
