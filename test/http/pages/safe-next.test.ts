import { expect } from 'chai';
import { localNext } from '../../../server/http/pages/safe-next.js';

describe('pages: where a login may lead', () => {
  it('keeps a local path with its query and fragment', () => {
    expect(localNext('/evaluations/e1/units/WY01?period=2025&lang=en#subunits')).to.equal(
      '/evaluations/e1/units/WY01?period=2025&lang=en#subunits',
    );
  });

  it('refuses absolute and scheme-relative URLs', () => {
    const refused = [
      'https://evil.example/',
      'http:evil.example',
      '//evil.example',
      '///evil.example',
      'javascript:alert(1)',
    ];
    expect(refused.map(localNext)).to.deep.equal(refused.map(() => '/'));
  });

  it('refuses backslashes and control characters that browsers turn into another host', () => {
    const refused = ['/\\evil.example', '/\\/evil.example', '/\t/evil.example', '/\n/evil.example', '/%0a'];
    expect(refused.map(localNext)).to.deep.equal(['/', '/', '/', '/', '/%0a']);
  });

  it('refuses values that only normalisation turns into another host, checking what it returns', () => {
    const refused = [
      '/.//evil.example/',
      '/..//evil.example/',
      '/a/..//evil.example/',
      '/%2e%2e//evil.example/',
    ];
    expect(refused.map(localNext)).to.deep.equal(['/', '/', '/', '/']);
  });

  it('returns the normalised path it checked', () => {
    expect(['/a/./b/../c?x=1', '/%2e%2e/evaluations'].map(localNext)).to.deep.equal([
      '/a/c?x=1',
      '/evaluations',
    ]);
  });

  it('does not lead back to the login, logout or setup pages', () => {
    expect(['/login?next=/x', '/logout', '/setup?token=t'].map(localNext)).to.deep.equal(['/', '/', '/']);
  });

  it('answers "/" for anything that is not one text', () => {
    expect([undefined, ['/a', '/b'], 42, '', 'a'.repeat(3000)].map(localNext)).to.deep.equal([
      '/',
      '/',
      '/',
      '/',
      '/',
    ]);
  });
});
