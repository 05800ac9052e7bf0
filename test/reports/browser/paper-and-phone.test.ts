import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { runEvaluation } from '../../../server/evaluation/run-evaluation.js';
import { demoApp, type DemoApp } from '../demo-app.js';
import { launchOrSkip } from './chromium.js';
import { chartsDrawn, probe, type Probe } from './page-probe.js';
import { pdfImageSizes, pdfPages } from './pdf-text.js';

/**
 * A unit report on paper and every report page on a phone, in Chromium. Paper: the PDF Chromium
 * prints (no header or footer templates of Playwright's: what a reader printing from the browser
 * gets) numbers its pages "x / y", carries the title block with the date, and prints no control.
 * Phone (390 × 844): the page never scrolls sideways and no table cell is narrower than four
 * characters. Set ZHILI_SCREENSHOTS to a directory to keep a screenshot of every phone page.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The day as the page must state it, written out by hand (UTC, as every date of the reports). */
const chineseDay = (at: Date): string =>
  `${at.getUTCFullYear()}年${at.getUTCMonth() + 1}月${at.getUTCDate()}日`;
const englishDay = (at: Date): string =>
  `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()] ?? ''} ${at.getUTCFullYear()}`;

/** Text a printed report must not carry: controls, links that only act on screen, the sort hint. */
const CONTROLS_ZH = [
  '点击列名排序',
  '导出',
  '下载',
  '与其他单位比较',
  '退出登录',
  '跳到正文',
  'English',
  '筛选',
];
const CONTROLS_EN = [
  'Click a column heading',
  'Export',
  'Download',
  'Compare with other units',
  'Log out',
  '中文',
];

describe('a unit report on paper and the report pages on a phone, in chromium (demo city)', function () {
  this.timeout(240_000);
  let browser: Browser | undefined;
  let app: DemoApp | undefined;
  let base = '';
  let evaluationsCompare = '';

  before(async function () {
    browser = await launchOrSkip(this);
    app = await demoApp();
    base = `/evaluations/${app.demo.id}`;
    const variant = await runEvaluation(app.store, app.deps.registry, {
      frameworkId: 'default',
      periods: app.demo.periods,
      actor: 'test',
      methods: { weighting: { method: 'equal' } },
    });
    evaluationsCompare = `/evaluations/compare?ids=${app.demo.id},${variant.id}`;
    // The audit log's page shows a table once something has happened.
    await app.store.audit.append({
      actor: 'demo-admin',
      action: 'evaluation.publish',
      target: variant.id,
      detail: { reason: '等权重对照评估' },
    });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const open = async (url: string, size?: { width: number; height: number }): Promise<Probe> => {
    if (browser === undefined || app === undefined) throw new Error('suite not set up');
    const p = await probe(browser, { ...size, login: { url: app.url, cookie: app.admin.cookie } });
    await p.page.goto(`${app.url}${url}`, { waitUntil: 'load' });
    return p;
  };

  /** The unit report printed as Chromium prints it, page by page, and the days around the print. */
  const printed = async (url: string): Promise<{ pages: string[]; days: Date[]; problems: string[] }> => {
    const before = new Date();
    const p = await open(url);
    await chartsDrawn(p.page, 1);
    const pdf = await p.page.pdf({ format: 'A4', printBackground: true });
    await p.close();
    return { pages: pdfPages(pdf), days: [before, new Date()], problems: p.problems };
  };

  describe('paper', () => {
    it('numbers every page of a printed unit report "x / y" at its foot', async () => {
      const { pages, problems } = await printed(`${base}/units/WY03`);
      const numbers = pages.map((text) => text.split('\n').find((line) => /^\d+ \/ \d+$/.test(line.trim())));
      expect(pages.length).to.be.at.least(2);
      expect(numbers).to.deep.equal(pages.map((_, i) => `${i + 1} / ${pages.length}`));
      expect(problems).to.deep.equal([]);
    });

    it('opens a printed unit report with its title block: unit, evaluation, version, status and print date', async () => {
      const { pages, days } = await printed(`${base}/units/WY03`);
      const first = pages[0] ?? '';
      expect(first).to.include('报告对象光谷区（WY03）');
      expect(first).to.include('评估梧阳市基层治理现代化评估（示例数据）');
      expect(first).to.match(/版本第 1 版 · 已发布（\d{4}年\d{1,2}月\d{1,2}日）/);
      expect(days.map((day) => `打印日期${chineseDay(day)}`)).to.include(
        first.split('\n').find((line) => line.startsWith('打印日期')),
      );
    });

    it('states the print date in English on an English report', async () => {
      const { pages, days } = await printed(`${base}/units/WY03?lang=en`);
      const line = (pages[0] ?? '').split('\n').find((text) => text.startsWith('Printed on'));
      expect(days.map((day) => `Printed on${englishDay(day)}`)).to.include(line);
      expect(pages[0]).to.include('Report onGuanggu District (WY03)');
    });

    it('prints no control of a unit report: no sort hint, export or download link, button or language switch', async () => {
      const zh = (await printed(`${base}/units/WY03`)).pages.join('').replaceAll('\n', '');
      const en = (await printed(`${base}/units/WY03?lang=en`)).pages.join('').replaceAll('\n', '');
      expect(CONTROLS_ZH.filter((control) => zh.includes(control))).to.deep.equal([]);
      expect(CONTROLS_EN.filter((control) => en.includes(control))).to.deep.equal([]);
      expect(zh).to.include('指标明细');
    });

    it('prints the radar at least 15 cm wide and 8 cm high, within the paper, whether or not it redraws for print', async () => {
      const cm = 72 / 2.54;
      const sizes: { width: number; height: number }[][] = [];
      for (const emulate of [false, true]) {
        const p = await open(`${base}/units/WY03`);
        await chartsDrawn(p.page, 2);
        // Emulating print media first lets chart.js redraw the radar in its printed box.
        if (emulate) await p.page.emulateMedia({ media: 'print' });
        sizes.push(pdfImageSizes(await p.page.pdf({ format: 'A4', printBackground: true })));
        await p.close();
      }
      // The report has two charts, the score-and-rank trend and the radar, each printed as one
      // image (sizes in points); the radar is the taller one.
      for (const images of sizes) {
        expect(images).to.have.length(2);
        const radar = [...images].sort((a, b) => b.height - a.height)[0];
        expect(radar?.width).to.be.within(15 * cm, 18.6 * cm);
        expect(radar?.height).to.be.at.least(8 * cm);
      }
    });
  });

  describe('phone (390 × 844)', () => {
    const PHONE = { width: 390, height: 844 };

    /** Cells narrower than four times their font size, and the page's width against the window's. */
    const measure = (page: Page) =>
      page.evaluate<{ scrollWidth: number; innerWidth: number; cells: number; narrow: string[] }>(`(() => {
        const narrow = [];
        let cells = 0;
        for (const cell of document.querySelectorAll('main td, main th')) {
          const box = cell.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue;
          cells++;
          const size = parseFloat(getComputedStyle(cell).fontSize);
          if (box.width + 0.5 < 4 * size)
            narrow.push(cell.textContent.trim().slice(0, 24) + ': ' + box.width.toFixed(1) + 'px at ' + size + 'px');
        }
        return { scrollWidth: document.documentElement.scrollWidth, innerWidth, cells, narrow };
      })()`);

    const pages = (): Record<string, string> => ({
      evaluation: base,
      'unit report': `${base}/units/WY03`,
      'community report': `${base}/units/WY01S01C00`,
      compare: `${base}/compare?units=WY01,WY03,WY05`,
      methodology: `${base}/methodology`,
      satisfaction: `${base}/satisfaction`,
      'evaluations list': '/evaluations',
      catalogue: '/indicators',
      'evaluations compare': evaluationsCompare,
      audit: '/admin/audit',
    });

    it('never scrolls a report page sideways and keeps every table cell four characters wide', async () => {
      const screenshots = process.env.ZHILI_SCREENSHOTS;
      if (screenshots !== undefined) mkdirSync(screenshots, { recursive: true });
      const found: Record<string, { overflow: number; cells: number; narrow: string[] }> = {};
      for (const [name, url] of Object.entries(pages())) {
        const p = await open(url, PHONE);
        const shown = await measure(p.page);
        if (screenshots !== undefined)
          await p.page.screenshot({ path: path.join(screenshots, `phone-${name}.png`), fullPage: true });
        await p.close();
        found[name] = {
          overflow: Math.max(0, shown.scrollWidth - shown.innerWidth),
          cells: Math.min(shown.cells, 1),
          narrow: shown.narrow.slice(0, 5),
        };
      }
      const expected = Object.fromEntries(
        Object.keys(pages()).map((name) => [name, { overflow: 0, cells: 1, narrow: [] }]),
      );
      expect(found).to.deep.equal(expected);
    });

    it('gives indicator names room for at least six characters a line', async () => {
      const p = await open(`${base}/units/WY03`, PHONE);
      const widths = await p.page.evaluate<number[]>(
        `[...document.querySelectorAll('#indicator-table tbody th[scope="row"]')].map((th) => th.getBoundingClientRect().width / parseFloat(getComputedStyle(th).fontSize))`,
      );
      await p.close();
      expect(widths.length).to.be.greaterThan(20);
      expect(Math.min(...widths)).to.be.at.least(6);
    });

    it('holds the indicator names at the left while the figures scroll inside the table’s frame', async () => {
      const p = await open(`${base}/units/WY03`, PHONE);
      const shown = await p.page.evaluate<{
        scrolled: number;
        nameLeft: number;
        frameLeft: number;
        firstFigureLeft: number;
      }>(`(() => {
        const table = document.getElementById('indicator-table');
        const frame = table.closest('.table-wrap');
        const row = table.querySelector('tbody tr:not(.group)');
        const before = row.querySelector('td').getBoundingClientRect().left;
        frame.scrollLeft = 120;
        return {
          scrolled: frame.scrollLeft,
          nameLeft: row.querySelector('th').getBoundingClientRect().left,
          frameLeft: frame.getBoundingClientRect().left,
          firstFigureLeft: row.querySelector('td').getBoundingClientRect().left - before,
        };
      })()`);
      await p.close();
      expect(shown.scrolled).to.equal(120);
      expect(shown.nameLeft).to.be.closeTo(shown.frameLeft, 1);
      expect(shown.firstFigureLeft).to.be.closeTo(-120, 1);
    });
  });
});
