/**
 * A new version's evaluation request: the previous version's settings, changed only where asked.
 */
import { expect } from 'chai';
import { versionedRequest } from '../../server/evaluation/run-version.js';
import type { Evaluation } from '../../server/store/models/evaluation.js';

const previous: Evaluation = {
  id: 'ev_a',
  label: { zh: '2025年评估', en: '2025 evaluation' },
  framework: { id: 'default', version: '1.0.0', hash: 'sha256:f', hashes: {}, definition: {} },
  methods: {
    normalisation: { method: 'minmax', range: [0, 100] },
    weighting: { method: 'framework' },
    aggregation: { method: 'arithmetic' },
    seed: 7,
  },
  periods: ['2024', '2025'],
  dataFingerprint: 'sha256:data',
  status: 'published',
  createdAt: '2025-03-01T00:00:00.000Z',
  createdBy: 'wang',
  publishedAt: '2025-03-02T00:00:00.000Z',
  publishedBy: 'li',
  results: { bytes: 10, sha256: 'abc', storedAt: '2025-03-01T00:00:00.000Z' },
  version: 1,
  supersedes: null,
  lineage: 'ev_a',
  reason: null,
  uncertainty: { replications: 200, seed: 2025 },
};

describe('versionedRequest', () => {
  it('starts from the previous version’s framework, periods, label, choices and Monte Carlo settings', () => {
    const request = versionedRequest(previous, { previous: 'ev_a', actor: 'zhao', reason: 'new data' });
    expect(request).to.deep.equal({
      frameworkId: 'default',
      periods: ['2024', '2025'],
      actor: 'zhao',
      label: { zh: '2025年评估', en: '2025 evaluation' },
      methods: {
        normalisation: { method: 'minmax', range: [0, 100] },
        weighting: { method: 'framework' },
        aggregation: { method: 'arithmetic' },
        seed: 7,
      },
      uncertainty: { replications: 200, seed: 2025 },
      supersedes: 'ev_a',
      reason: 'new data',
    });
  });

  it('replaces only the stages the new version changes', () => {
    const request = versionedRequest(previous, {
      previous: 'ev_a',
      actor: 'zhao',
      reason: 'entropy',
      methods: { weighting: { method: 'entropy' } },
    });
    expect(request.methods).to.deep.equal({
      normalisation: { method: 'minmax', range: [0, 100] },
      weighting: { method: 'entropy' },
      aggregation: { method: 'arithmetic' },
      seed: 7,
    });
  });

  it('takes new periods and a new label when given', () => {
    const label = { zh: '2025年评估（修订）', en: '2025 evaluation (revised)' };
    const request = versionedRequest(previous, {
      previous: 'ev_a',
      actor: 'zhao',
      reason: 'only 2025',
      periods: ['2025'],
      label,
    });
    expect(request.periods).to.deep.equal(['2025']);
    expect(request.label).to.deep.equal(label);
  });

  it('runs no Monte Carlo analysis when the new version asks for none', () => {
    const request = versionedRequest(previous, {
      previous: 'ev_a',
      actor: 'zhao',
      reason: 'faster',
      uncertainty: null,
    });
    expect(request).not.to.have.property('uncertainty');
  });

  it('leaves out the label of an evaluation that had none', () => {
    const request = versionedRequest(
      { ...previous, label: null, uncertainty: null },
      { previous: 'ev_a', actor: 'zhao', reason: 'x' },
    );
    expect(request).not.to.have.property('label');
    expect(request).not.to.have.property('uncertainty');
  });
});
