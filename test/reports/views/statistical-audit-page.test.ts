import { expect } from 'chai';
import { statisticalAuditPage } from '../../../server/reports/views/statistical-audit-page.js';
import { statisticalAuditTable } from '../../../server/reports/views/statistical-audit-tables.js';
import { TINY_AUDIT as audit } from '../tiny-audit.js';
import { tinyContext } from '../tiny-context.js';

describe('statistical audit page model', () => {
  it('shades the heat map by r from -1 to 1, prints every value and puts 1 on the diagonal', () => {
    const page = statisticalAuditPage({ context: tinyContext(), audit, sensitivity: [], lang: 'en' });
    const x = page.heatmap.rows[0]!.cells;
    expect(x.map((c) => c.text)).to.deep.equal(['1.000', '-0.500', '0.950']);
    // (r + 1) / 2 * 10, floored: 1 → 9 (capped), -0.5 → 2, 0.95 → 9
    expect(x.map((c) => c.css)).to.deep.equal(['heat-9', 'heat-2', 'heat-9']);
    expect(page.heatmap.rows[1]!.cells[2]).to.include({ text: '—', css: 'heat-none' });
  });

  it('formats shares as per cent and a missing statistic as a dash', () => {
    const page = statisticalAuditPage({ context: tinyContext(), audit, sensitivity: [], lang: 'en' });
    expect(page.stats[0]).to.include({ availability: '100%', kurtosis: '—', needed: 'no' });
    expect(page.pca[0]).to.include({ component: 'PC1', share: '75%' });
  });

  it('keeps chosen thresholds in every export link', () => {
    const page = statisticalAuditPage({
      context: tinyContext(),
      audit,
      sensitivity: [],
      lang: 'en',
      thresholds: { high: 0.8, low: -0.2 },
    });
    expect(page.exports.flags[0]!.href)
      .to.contain('high=0.8')
      .and.contain('low=-0.2')
      .and.contain('table=flags');
  });

  it('says the audit is missing for results stored without one', () => {
    const page = statisticalAuditPage({ context: tinyContext(), audit: null, sensitivity: [], lang: 'zh' });
    expect(page.hasAudit).to.equal(false);
    expect(page.s.auditMissing).to.contain('重新运行评估');
  });

  it('exports the correlation table with ids as JSON keys and nulls for uncomputable values', () => {
    const table = statisticalAuditTable(audit, [], 'correlations', 'zh');
    expect(table.ids).to.deep.equal(['a', 'b', 'pearson', 'spearman']);
    expect(table.labels[2]).to.equal('Pearson 相关');
    expect(table.rows[2]).to.deep.equal(['y', 'z', null, null]);
  });
});
