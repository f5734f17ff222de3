import { describe, expect, it } from 'vitest';
import { TEXT_FORMATS } from '../../../../src/core/import/formats/registry';
import { chunked } from './helpers';

describe('cancellation', () => {
  it.each(TEXT_FORMATS.map((f) => [f.id, f] as const))(
    '%s stops with the abort reason',
    async (_id, format) => {
      const controller = new AbortController();
      const reason = new Error('cancelled');
      controller.abort(reason);
      const records = format.parse(chunked('title\nx\n'), { file: 'f', signal: controller.signal });
      const consume = async () => {
        while (!(await records.next()).done) {
          // Only the abort is of interest here.
        }
      };
      await expect(consume()).rejects.toBe(reason);
    },
  );
});
