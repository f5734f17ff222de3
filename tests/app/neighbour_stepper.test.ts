import { describe, expect, it } from 'vitest';
import { NeighbourStepper, stepKey } from '../../src/app/neighbour_stepper';

describe('NeighbourStepper', () => {
  it('walks down the anchor paper’s neighbours and back up to it, stopping at both ends', () => {
    const stepper = new NeighbourStepper();
    expect(stepper.move(1)).toBe(-1);
    stepper.reset(7, [3, 9, 4]);
    expect([stepper.move(1), stepper.move(1), stepper.move(1), stepper.move(1)]).toEqual([
      3, 9, 4, 4,
    ]);
    expect([stepper.move(-1), stepper.move(-1), stepper.move(-1), stepper.move(-1)]).toEqual([
      9, 3, 7, 7,
    ]);
    stepper.reset(9, [7]);
    expect(stepper.move(1)).toBe(7);
  });
});

describe('stepKey', () => {
  /** A key press on an element that matches `selectors` (what Element.closest answers). */
  const press = (key: string, matches: string[] = []) =>
    ({
      key,
      target: {
        closest: (s: string) => (s.split(', ').some((m) => matches.includes(m)) ? {} : null),
      },
    }) as unknown as KeyboardEvent;

  it('steps down and up with the arrows and clears with Escape', () => {
    expect([press('ArrowDown'), press('ArrowUp'), press('Escape')].map(stepKey)).toEqual([
      1,
      -1,
      'clear',
    ]);
    expect(stepKey(press('a'))).toBeNull();
  });

  it('leaves every key to a text field, and arrows to lists and the focused map', () => {
    expect(stepKey(press('ArrowDown', ['input']))).toBeNull();
    expect(stepKey(press('Escape', ['textarea']))).toBeNull();
    expect(stepKey(press('ArrowUp', ['[data-arrow-keys]']))).toBeNull();
  });
});
