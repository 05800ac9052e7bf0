/**
 * The lineage view model: which version a page shows, what it replaces, whether a newer published
 * version exists, and the published line.
 */
import { expect } from 'chai';
import { lineageKey, lineageView } from '../../../server/reports/views/lineage.js';
import type { Evaluation } from '../../../server/store/models/evaluation.js';

function version(n: number, status: 'draft' | 'published', reason: Evaluation['reason'] = null): Evaluation {
  return {
    id: `ev${n}`,
    label: null,
    framework: { id: 'default', version: '1.0.0', hash: 'h', hashes: {}, definition: {} },
    methods: {},
    periods: ['2025'],
    dataFingerprint: 'fp',
    status,
    createdAt: `2025-03-0${n}T08:00:00.000Z`,
    createdBy: 'wang',
    publishedAt: status === 'published' ? `2025-03-0${n}T09:30:00.000Z` : null,
    publishedBy: status === 'published' ? 'li' : null,
    results: null,
    version: n,
    supersedes: n === 1 ? null : `ev${n - 1}`,
    lineage: 'ev1',
    reason: n === 1 ? null : reason,
    uncertainty: null,
  };
}

const ENTROPY = { zh: '改用熵权法', en: 'Entropy weights' };

describe('lineageView', () => {
  it('names version 1 and links the newest published version as newer', () => {
    const line = [version(1, 'published'), version(2, 'published', 'fix'), version(3, 'published', 'fix')];
    const view = lineageView(line[0]!, line, 'en', '');
    expect(view.version).to.equal('Version 1');
    expect(view.replaces).to.equal(null);
    expect(view.reasonLine).to.equal(null);
    expect(view.newer).to.deep.equal({
      text: 'See version 3 (published 3 Mar 2025, 09:30)',
      href: '/evaluations/ev3',
    });
  });

  it('shows no newer version while the next one is only a draft, and leaves the draft out', () => {
    const line = [version(1, 'published'), version(2, 'draft', 'fix')];
    const view = lineageView(line[0]!, line, 'zh', '/methodology');
    expect(view.newer).to.equal(null);
    expect(view.entries.map((e) => e.version)).to.deep.equal(['第 1 版']);
  });

  it('links the replaced version and lists the line on the methodology page, in Chinese', () => {
    const line = [version(1, 'published'), version(2, 'draft', ENTROPY)];
    const view = lineageView(line[1]!, line, 'zh', '/methodology');
    expect(view.version).to.equal('第 2 版');
    expect(view.replaces).to.deep.equal({ text: '替代第 1 版', href: '/evaluations/ev1/methodology' });
    expect(view.reasonLine).to.equal('修改原因：改用熵权法');
    expect(view.showLine).to.equal(true);
    expect(view.entries).to.deep.equal([
      {
        version: '第 1 版',
        href: '/evaluations/ev1/methodology',
        current: false,
        status: '已发布',
        created: '2025年3月1日 08:00',
        published: '2025年3月1日 09:30，li',
        reason: '首版',
      },
      {
        version: '第 2 版',
        href: '/evaluations/ev2/methodology',
        current: true,
        status: '草稿',
        created: '2025年3月2日 08:00',
        published: '—',
        reason: '改用熵权法',
      },
    ]);
  });

  it('shows a plain-text reason as written in either language', () => {
    const line = [version(1, 'published'), version(2, 'published', '数据更正 data corrected')];
    expect(lineageView(line[1]!, line, 'en', '').reasonLine).to.equal(
      'Reason for the change: 数据更正 data corrected',
    );
  });

  it('lists the line only on the methodology page', () => {
    const line = [version(1, 'published')];
    expect(lineageView(line[0]!, line, 'en', '').showLine).to.equal(false);
    expect(lineageView(line[0]!, line, 'en', '/methodology').showLine).to.equal(true);
  });
});

describe('lineageKey', () => {
  it('changes when a version of the line is published', () => {
    const before = lineageKey([version(1, 'published'), version(2, 'draft', 'fix')]);
    const after = lineageKey([version(1, 'published'), version(2, 'published', 'fix')]);
    expect(before).to.match(/^-[0-9a-f]{8}$/);
    expect(after).not.to.equal(before);
  });
});
