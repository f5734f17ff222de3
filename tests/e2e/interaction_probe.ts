import type { Page } from 'playwright-core';

/** The longest main-thread task seen during one interaction, in milliseconds (0: none ≥ 50 ms). */
export interface InteractionReport {
  step: string;
  worstMs: number;
  longTasks: number;
}

interface ProbeHooks {
  screenPosition(i: number): [number, number] | null;
  visibleLabels(): string[];
  selected(): number;
}

/**
 * Makes the page record every long task (≥ 50 ms, the Long Tasks API) from its first script on,
 * in `window.__longTasks`. Call before page.goto.
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: number[][] = [];
    (window as unknown as { __longTasks: number[][] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
}

const taskCount = (page: Page) =>
  page.evaluate(() => (window as unknown as { __longTasks: number[][] }).__longTasks.length);

/** Runs `act`, waits for the page to settle, and reports the long tasks it caused. */
async function measure(page: Page, step: string, act: () => Promise<void>) {
  const before = await taskCount(page);
  await act();
  await page.waitForTimeout(400);
  const durations = await page.evaluate(
    (from) =>
      (window as unknown as { __longTasks: number[][] }).__longTasks.slice(from).map((t) => t[1]!),
    before,
  );
  return { step, worstMs: Math.round(Math.max(0, ...durations)), longTasks: durations.length };
}

const hooks = <T>(page: Page, read: (h: ProbeHooks) => T): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.__papermap)`) as Promise<T>;

/** What the interactions showed, for the test to check, and their long tasks. */
export interface ProbeResult {
  reports: InteractionReport[];
  labelsOut: string[];
  labelsIn: string[];
  tooltip: string | null;
  selected: number;
  searchCount: string;
}

/**
 * Drives the interactions a reader makes on a loaded map, the way a reader makes them: pan, zoom
 * in and out with the wheel, hover over points, click one, search by words, fit the map. Each
 * step's long tasks are reported.
 */
export async function probeInteractions(page: Page, query: string): Promise<ProbeResult> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const cx = box.x + box.width * 0.55;
  const cy = box.y + box.height * 0.5;
  const reports: InteractionReport[] = [];
  // The first frames after opening (label atlases, the topic anchors) are not an interaction.
  reports.push(await measure(page, 'first frames after open', () => page.waitForTimeout(2500)));
  const labelsOut = await hooks(page, (h) => h.visibleLabels());

  reports.push(
    await measure(page, 'pan (drag)', async () => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 1; i <= 12; i++) await page.mouse.move(cx + i * 12, cy + i * 6);
      await page.mouse.up();
    }),
  );
  reports.push(
    await measure(page, 'zoom in (wheel ×6)', async () => {
      await page.mouse.move(cx, cy);
      for (let i = 0; i < 6; i++) {
        await page.mouse.wheel(0, -120);
        await page.waitForTimeout(80);
      }
    }),
  );
  await page.waitForTimeout(600);
  const labelsIn = await hooks(page, (h) => h.visibleLabels());
  let tooltip: string | null = null;
  reports.push(
    await measure(page, 'hover (20 points)', async () => {
      for (let i = 0; i < 20; i++) {
        const at = await hooks(page, (h) => {
          for (let j = 0; j < 5000; j++) {
            const p = h.screenPosition(j);
            if (p && p[0] > 300 && p[0] < 900 && p[1] > 150 && p[1] < 700) return p;
          }
          return null;
        });
        if (!at) continue;
        await page.mouse.move(box.x + at[0] + (i % 3), box.y + at[1]);
        if (!tooltip) {
          const shown = page.getByTestId('tooltip');
          if (await shown.isVisible()) tooltip = await shown.textContent();
        }
      }
    }),
  );
  reports.push(
    await measure(page, 'click a paper', async () => {
      const at = await hooks(page, (h) => {
        for (let j = 0; j < 5000; j++) {
          const p = h.screenPosition(j);
          if (p && p[0] > 350 && p[0] < 800 && p[1] > 200 && p[1] < 650) return p;
        }
        return null;
      });
      if (at) await page.mouse.click(box.x + at[0], box.y + at[1]);
      await page.getByTestId('paper-detail').waitFor({ timeout: 10_000 });
    }),
  );
  const selected = await hooks(page, (h) => h.selected());
  reports.push(
    await measure(page, 'zoom out (wheel ×6)', async () => {
      await page.mouse.move(box.x + 400, cy);
      for (let i = 0; i < 6; i++) {
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(80);
      }
    }),
  );
  reports.push(
    await measure(page, 'search by words', async () => {
      await page.getByTestId('search-input').fill(query);
      await page.getByTestId('search-results').waitFor({ timeout: 30_000 });
    }),
  );
  const searchCount = (await page.getByTestId('search-count').textContent()) ?? '';
  return { reports, labelsOut, labelsIn, tooltip, selected, searchCount };
}
