import { expect } from 'chai';
import { DICTIONARY } from '../../../server/reports/i18n/dictionary.js';
import { fill } from '../../../server/reports/i18n/fill.js';
import { chooseLang, cookieValue } from '../../../server/reports/i18n/lang.js';
import { label, labelOf } from '../../../server/reports/i18n/labels.js';
import { pick } from '../../../server/reports/i18n/pick.js';

describe('reports: languages', () => {
  it('reads Chinese by default', () => {
    expect(chooseLang(undefined, undefined)).to.equal('zh');
  });
  it('follows ?lang= before the cookie', () => {
    expect(chooseLang('zh', 'zhili_lang=en')).to.equal('zh');
  });
  it('follows the cookie without ?lang=', () => {
    expect(chooseLang(undefined, 'a=1; zhili_lang=en')).to.equal('en');
  });
  it('ignores a language it does not offer', () => {
    expect(chooseLang('fr', 'zhili_lang=de')).to.equal('zh');
  });
  it('reads one cookie out of a Cookie header', () => {
    expect(cookieValue('x=1; zhili_lang = en ;y=2', 'zhili_lang')).to.equal('en');
  });
});

describe('reports: dictionary', () => {
  it('has a Chinese and an English text for every label', () => {
    const empty = Object.entries(DICTIONARY).filter(
      ([, text]) => text.zh.trim() === '' || text.en.trim() === '',
    );
    expect(empty.map(([key]) => key)).to.deep.equal([]);
  });
  it('uses the same slots in both languages of a sentence', () => {
    const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differ = Object.entries(DICTIONARY).filter(
      ([, text]) => slots(text.zh).join() !== slots(text.en).join(),
    );
    expect(differ.map(([key]) => key)).to.deep.equal([]);
  });
  it('looks up a label in the reader’s language', () => {
    expect([label('zh', 'navEvaluations'), label('en', 'navEvaluations')]).to.deep.equal([
      '评估结果',
      'Evaluations',
    ]);
  });
  it('looks up ids found in data by family and falls back to the id', () => {
    expect([labelOf('zh', 'peer', 'urban_large'), labelOf('en', 'peer', 'harbour')]).to.deep.equal([
      '城市大型社区',
      'harbour',
    ]);
  });
});

describe('reports: fill and pick', () => {
  it('fills the slots of a sentence', () => {
    expect(fill('第 {low}–{high} 名', { low: '12', high: 19 })).to.equal('第 12–19 名');
  });
  it('leaves an unknown slot visible', () => {
    expect(fill('{a} {b}', { a: 'x' })).to.equal('x {b}');
  });
  it('picks the other language when the wanted one is empty', () => {
    expect(pick({ zh: '', en: 'Coverage' }, 'zh')).to.equal('Coverage');
  });
});
