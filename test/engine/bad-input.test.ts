import { expect } from 'chai';
import { RowFlag } from '../../server/engine/flags.js';
import { MissingCode } from '../../server/engine/missing-reasons.js';
import { runPipeline } from '../../server/engine/pipeline.js';
import type { EngineInput } from '../../server/engine/types.js';
import { ratio, variable } from './support/formulas.js';
import { unexplainedCells } from './support/invariants.js';
import { smallInput } from './support/small-input.js';

/** Two indicators: a share of households (count / count · 100) and a plain value. */
function shareInput(served: number[], households: number[], other: number[]): EngineInput {
  const codes = served.map((_, i) => `u${i}`);
  const percent = ratio('served', 'households');
  return {
    units: { codes },
    periods: [
      {
        id: '2024',
        variables: new Map([
          ['served', Float64Array.from(served)],
          ['households', Float64Array.from(households)],
          ['other', Float64Array.from(other)],
        ]),
      },
    ],
    variables: new Map([
      ['served', { minimum: 0, integer: true }],
      ['households', { minimum: 0, integer: true }],
    ]),
    tree: {
      root: 'index',
      nodes: [],
      indicators: [
        {
          id: 'share',
          parent: 'index',
          weight: 1,
          direction: 1,
          inputs: ['served', 'households'],
          compute: percent,
          validRange: { maximum: 1 },
        },
        {
          id: 'other',
          parent: 'index',
          weight: 1,
          direction: 1,
          inputs: ['other'],
          compute: variable('other'),
        },
      ],
    },
  };
}

describe('bad input', () => {
  const choices = { treatment: { method: 'none' } };

  it('turns an Infinity into a missing value with reason not_finite', () => {
    const result = runPipeline(shareInput([1, Infinity, 3], [4, 4, 4], [1, 2, 3]), choices);
    expect(result.raw.reasons.get('share')![1]).to.equal(MissingCode.NotFinite);
    expect(unexplainedCells(result)).to.deep.equal([]);
  });

  it('turns a negative count into a missing value with reason invalid_input', () => {
    const result = runPipeline(shareInput([1, -2, 3], [4, 4, 4], [1, 2, 3]), choices);
    expect(result.raw.reasons.get('share')![1]).to.equal(MissingCode.InvalidInput);
  });

  it('turns a non-integer count into a missing value with reason invalid_input', () => {
    const result = runPipeline(shareInput([1, 2.5, 3], [4, 4, 4], [1, 2, 3]), choices);
    expect(result.raw.reasons.get('share')![1]).to.equal(MissingCode.InvalidInput);
  });

  it('turns a numerator above its denominator into a missing value with reason invalid_input', () => {
    const result = runPipeline(shareInput([1, 5, 3], [4, 4, 4], [1, 2, 3]), choices);
    expect(result.raw.reasons.get('share')![1]).to.equal(MissingCode.InvalidInput);
  });

  it('reports a zero denominator as division_by_zero, not Infinity', () => {
    const result = runPipeline(shareInput([1, 0, 3], [4, 0, 4], [1, 2, 3]), choices);
    expect(result.raw.reasons.get('share')![1]).to.equal(MissingCode.DivisionByZero);
    expect(unexplainedCells(result)).to.deep.equal([]);
  });

  it('keeps NaN input as missing_input and scores the unit on what it has', () => {
    const result = runPipeline(shareInput([1, Number.NaN, 3], [4, 4, 4], [1, 2, 3]), choices);
    expect(result.raw.reasons.get('share')![1]).to.equal(MissingCode.MissingInput);
    expect(result.scores.values.get('index')![1]).to.equal(50);
  });

  it('gives a unit with every value missing no score and no rank, with reasons instead of NaN', () => {
    const result = runPipeline(
      shareInput([1, Number.NaN, 3], [4, Number.NaN, 4], [1, Number.NaN, 3]),
      choices,
    );
    expect(result.rowFlags[1]! & RowFlag.NoData).to.equal(RowFlag.NoData);
    expect(result.rowFlags[1]! & RowFlag.LowAvailability).to.equal(RowFlag.LowAvailability);
    expect(result.scores.reasons.get('index')![1]).to.equal(MissingCode.MissingInput);
    expect(result.ranks.get('index')![1]).to.equal(0);
    expect(unexplainedCells(result)).to.deep.equal([]);
  });

  it('skips a zero-variance indicator with reason no_variation and scores on the others', () => {
    const result = runPipeline(shareInput([1, 2, 3], [4, 4, 4], [7, 7, 7]), choices);
    expect(Array.from(result.normalised.reasons.get('other')!)).to.deep.equal([8, 8, 8]);
    expect(Array.from(result.scores.values.get('index')!)).to.deep.equal([0, 50, 100]);
    expect(unexplainedCells(result)).to.deep.equal([]);
  });

  it('marks an urban-only indicator not_applicable for a rural unit and leaves it out of availability', () => {
    const base = smallInput({
      units: ['town', 'village'],
      indicators: [
        { id: 'x', parent: 'index', values: [[1, 2]] },
        { id: 'urban', parent: 'index', values: [[1, 2]] },
      ],
    });
    const input: EngineInput = {
      ...base,
      units: { ...base.units, settlement: ['urban', 'rural'] },
      tree: {
        ...base.tree,
        indicators: base.tree.indicators.map((i) =>
          i.id === 'urban' ? { ...i, appliesTo: 'urban' as const } : i,
        ),
      },
    };
    const result = runPipeline(input, choices);
    expect(result.raw.reasons.get('urban')![1]).to.equal(MissingCode.NotApplicable);
    expect(result.availability[1]).to.equal(1);
  });
});
