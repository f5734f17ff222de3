import { describe, expect, it } from 'vitest';
import { NeighbourStepper } from '../../src/app/neighbour_stepper';

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
