import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainHash, chainStart } from '../../src/engine/db/hash-chain';

/** A row's hash is over one text per list of fields: no two different rows may share it. */
describe('chainHash', () => {
  it('is sha256 over the previous hash and the fields as a JSON array', () => {
    expect(chainHash(chainStart, [1, '2026-03-02T01:30:00.000Z', null, 'admin'])).toBe(
      createHash('sha256').update('["",1,"2026-03-02T01:30:00.000Z",null,"admin"]').digest('hex'),
    );
  });

  it.each([
    ['fields split differently', ['ab', 'c'], ['a', 'bc']],
    ['null and the text null', [null], ['null']],
    ['a number and its text', [5], ['5']],
    ['an empty text and nothing', [''], []],
    ['a separator inside a field', ['a","b'], ['a', 'b']],
  ] as const)('tells apart %s', (_case, one, other) => {
    expect(chainHash(chainStart, one)).not.toBe(chainHash(chainStart, other));
  });

  it('changes with the previous hash: the same row elsewhere in the chain has another hash', () => {
    const previous = chainHash(chainStart, [1]);
    expect(chainHash(previous, [2, 'x'])).not.toBe(chainHash(chainStart, [2, 'x']));
  });
});
