import { describe, expect, it } from 'vitest';
import { methodFor, type PerpetualMethodName } from '../../../src/engine/domain/costing/costing-method';
import { fifo } from '../../../src/engine/domain/costing/fifo';
import { lifo } from '../../../src/engine/domain/costing/lifo';
import { movingAverage } from '../../../src/engine/domain/costing/moving-average';
import { replay } from './replay';
import { specificIdentification } from '../../../src/engine/domain/costing/specific-identification';
import { forbidNegative, issue, receive } from './table';

describe('costing method registry', () => {
  it.each([
    ['moving_average', movingAverage],
    ['fifo', fifo],
    ['lifo', lifo],
    ['specific', specificIdentification],
  ] as const)('%s', (name, method) => {
    expect(methodFor(name)).toBe(method);
    expect(method.name).toBe(name);
  });

  it('costs a scope whose method comes from settings, its state kept as plain data', () => {
    const fromSettings: PerpetualMethodName = ['fifo', 'lifo'][1] as PerpetualMethodName;
    const method = methodFor(fromSettings);
    const { state } = replay(method, [receive(1, 100, 'a'), receive(1, 300, 'b')], forbidNegative);
    // A checkpoint survives being stored as JSON and read back.
    const stored = JSON.parse(JSON.stringify(state)) as unknown;
    expect(replay(method, [issue(1)], forbidNegative, stored).movements[0]!.value).toBe(-300);
  });
});
