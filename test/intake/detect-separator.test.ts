import { expect } from 'chai';
import { detectSeparator } from '../../server/intake/detect-separator.js';

describe('detectSeparator', () => {
  it('picks the comma for an ordinary CSV header', () => {
    expect(detectSeparator('unit_code,period,households\n1;2;3;4;5\n')).to.equal(',');
  });

  it('picks the semicolon Excel writes in European locales', () => {
    expect(detectSeparator('unit_code;period;households\r\nA;2025;3,5\r\n')).to.equal(';');
  });

  it('picks the tab of Excel "Unicode text"', () => {
    expect(detectSeparator('unit_code\tperiod\thouseholds,total\n')).to.equal('\t');
  });

  it('ignores separators inside quotes', () => {
    expect(detectSeparator('"a,b,c";"d,e";f\n')).to.equal(';');
  });

  it('falls back to the comma for a single column', () => {
    expect(detectSeparator('unit_code\nA\n')).to.equal(',');
  });
});
