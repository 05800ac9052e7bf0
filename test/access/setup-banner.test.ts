/**
 * The first-start banner: plain lines when the console is piped, a frame on a terminal whose
 * right edge lines up although Chinese characters take two columns, the link whole on its own line.
 */
import { expect } from 'chai';
import { displayWidth, setupBanner } from '../../server/access/setup-banner.js';

const LINK = 'http://127.0.0.1:3000/setup?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';

describe('setup banner', () => {
  it('counts a Chinese character or full-width colon as two columns and a Latin letter as one', () => {
    expect([
      displayWidth('ab'),
      displayWidth('首次'),
      displayWidth('启动：'),
      displayWidth('─│'),
    ]).to.deep.equal([2, 4, 6, 2]);
  });

  it('prints plain lines, Chinese first, the link alone on the third, when piped', () => {
    expect(setupBanner(LINK, undefined).split('\n')).to.deep.equal([
      '首次启动：请在浏览器中打开以下链接创建管理员',
      'First start: open this link to create the administrator',
      LINK,
      '链接只能使用一次，每次重启都会换新 / The link works once; every restart prints a new one',
      '或在命令行创建 / or at the console: npm run zhili -- users add admin --role admin',
    ]);
    expect(setupBanner(LINK, false)).to.equal(setupBanner(LINK, undefined));
  });

  it('frames the same words on a terminal, every line 92 columns wide', () => {
    const lines = setupBanner(LINK, true).split('\n');
    expect(lines[0]).to.equal('');
    expect(lines.at(-1)).to.equal('');
    const frame = lines.slice(1, -1);
    // The longest line, 链接只能…, is 88 columns: 16 Chinese characters and a full-width comma (34) and 54 others.
    expect(frame.map(displayWidth)).to.deep.equal(Array.from({ length: frame.length }, () => 92));
    expect(frame[0]).to.equal(`┌${'─'.repeat(90)}┐`);
    expect(frame.at(-1)).to.equal(`└${'─'.repeat(90)}┘`);
    expect(frame.slice(1, -1).every((line) => line.startsWith('│ ') && line.endsWith(' │'))).to.equal(true);
    expect(frame).to.include(`│ ${LINK}${' '.repeat(88 - LINK.length)} │`);
    expect(frame[1]).to.equal(`│ 首次启动：请在浏览器中打开以下链接创建管理员${' '.repeat(88 - 44)} │`);
  });
});
