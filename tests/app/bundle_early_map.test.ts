import { describe, expect, it } from 'vitest';
import { MapSession } from '../../src/app/map_session.svelte';
import { createInProcessCompute } from '../../src/gpu/in_process_compute';
import type { MapBundle } from '../../src/share/bundle/map_bundle';
import { MemoryVectorStore } from '../../src/store/memory_vector_store';
import { realisticMap } from '../share/bundle/bundle_fixtures';

function newSession(): MapSession {
  return new MapSession(
    createInProcessCompute({ exclude: ['webgpu', 'webgl', 'wasm'] }),
    new MemoryVectorStore(),
  );
}

/** The bundle as BundleClient first gives it: every abstract empty. */
function withoutAbstracts(map: MapBundle): MapBundle {
  const papers = map.corpus.papers.map((p) => ({ ...p, abstract: '' }));
  return { ...map, corpus: { ...map.corpus, papers } };
}

/** A promise and the function that resolves it. */
function gate(): [Promise<void>, () => void] {
  let open!: () => void;
  return [new Promise<void>((resolve) => (open = resolve)), open];
}

describe('a bundle shown before its abstracts have come', () => {
  it('is drawn at once, and the same map gets its abstracts when they come', async () => {
    const session = newSession();
    const whole = realisticMap(40);
    const early = withoutAbstracts(whole);
    const [abstractsCome, letAbstractsCome] = gate();
    const outcome = session.openBundle(async (_signal, _progress, onMap) => {
      onMap(early);
      await abstractsCome;
      early.corpus.papers.forEach((p, i) => (p.abstract = whole.corpus.papers[i]!.abstract));
      return early;
    });
    await Promise.resolve();
    const shown = session.built!;
    expect(shown.corpus.papers.map((p) => p.title)).toEqual(
      whole.corpus.papers.map((p) => p.title),
    );
    expect(session.progress).toBeNull();
    expect(session.abstractsPending).toBe(true);
    let waited = false;
    const waiting = shown.abstracts!.then(() => (waited = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(waited).toBe(false);

    letAbstractsCome();
    expect(await outcome).toBe('shown');
    await waiting;
    // Not rebuilt: the map on screen is the one shown first, now with every abstract.
    expect(session.built).toBe(shown);
    expect(session.abstractsPending).toBe(false);
    expect(shown.corpus.papers.map((p) => p.abstract)).toEqual(
      whole.corpus.papers.map((p) => p.abstract),
    );
  });

  it('goes, with the previous map back, when the rest of the file fails', async () => {
    const session = newSession();
    await session.openBundle(async () => realisticMap(30));
    const previous = session.built!;
    session.selected = 4;
    const outcome = await session.openBundle(async (_signal, _progress, onMap) => {
      onMap(withoutAbstracts(realisticMap(40)));
      expect(session.built).not.toBe(previous);
      throw new Error("late.papermap: section 'papers': part 'abstract.text' is not valid UTF-8");
    });
    expect(outcome).toBe('failed');
    expect(session.built).toBe(previous);
    expect(session.selected).toBe(4);
    expect(session.abstractsPending).toBe(false);
    expect(session.error).toMatch(/abstract\.text' is not valid UTF-8/);
  });

  it('stops waiting when a newer map is asked for', async () => {
    const session = newSession();
    const [never] = gate();
    const first = session.openBundle(async (signal, _progress, onMap) => {
      onMap(withoutAbstracts(realisticMap(40)));
      await Promise.race([never, new Promise((r) => signal.addEventListener('abort', r))]);
      throw new DOMException('superseded', 'AbortError');
    });
    await Promise.resolve();
    const early = session.built!;
    const second = session.openBundle(async () => realisticMap(20));
    expect(await first).toBe('superseded');
    expect(await second).toBe('shown');
    // Whatever waited for the first map's abstracts goes on.
    await early.abstracts;
    expect(session.built!.corpus.papers).toHaveLength(20);
    expect(session.abstractsPending).toBe(false);
  });
});
