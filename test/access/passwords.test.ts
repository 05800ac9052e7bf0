import { expect } from 'chai';
import {
  assertAcceptablePassword,
  hashPassword,
  passwordProblems,
  verifyPassword,
} from '../../server/access/passwords.js';
import { ValidationError } from '../../server/errors.js';
import { TEST_COST } from '../support/auth.js';

/**
 * RFC 7914, section 12, third vector: scrypt(P="pleaseletmein", S="SodiumChloride", N=16384,
 * r=8, p=1). The stored key is 32 bytes, the first half of the RFC's 64-byte output.
 */
const RFC_7914_KEY = '7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2';
const rfcHash = (key: string): string =>
  `scrypt$ln=14,r=8,p=1$${Buffer.from('SodiumChloride').toString('base64url')}$${Buffer.from(key, 'hex').toString('base64url')}`;

describe('passwords', () => {
  it('verifies the published scrypt test vector of RFC 7914', async () => {
    expect(await verifyPassword('pleaseletmein', rfcHash(RFC_7914_KEY))).to.equal(true);
  });

  it('refuses the RFC 7914 vector with one bit of the key changed', async () => {
    const changed = `6${RFC_7914_KEY.slice(1)}`;
    expect(await verifyPassword('pleaseletmein', rfcHash(changed))).to.equal(false);
  });

  it('verifies the password it hashed and refuses another', async () => {
    const stored = await hashPassword('correct horse battery', TEST_COST);
    expect(await verifyPassword('correct horse battery', stored)).to.equal(true);
    expect(await verifyPassword('correct horse batterY', stored)).to.equal(false);
  });

  it('writes the parameters into the hash, with a fresh salt each time', async () => {
    const first = await hashPassword('same password!', TEST_COST);
    const second = await hashPassword('same password!', TEST_COST);
    expect(first).to.match(/^scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.to.equal(second);
  });

  it('still verifies a hash made with other parameters than the default', async () => {
    const stored = await hashPassword('older cost settings', { ln: 11, r: 4, p: 2 });
    expect(stored).to.match(/^scrypt\$ln=11,r=4,p=2\$/);
    expect(await verifyPassword('older cost settings', stored)).to.equal(true);
  });

  it('verifies the same password typed in another Unicode normal form (NFC)', async () => {
    const stored = await hashPassword('caf\u00e9-password', TEST_COST);
    expect(await verifyPassword('cafe\u0301-password', stored)).to.equal(true);
  });

  it('answers false, without throwing, for hashes it did not write', async () => {
    const garbage = [
      null,
      '',
      'not a hash',
      '$2b$12$abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQ',
      'scrypt$ln=14,r=8,p=1$c2hvcnQ$AAAA',
      `scrypt$ln=30,r=8,p=1$${'A'.repeat(22)}$${'A'.repeat(43)}`,
      `scrypt$ln=14,r=8,p=9$${'A'.repeat(22)}$${'A'.repeat(43)}`,
    ];
    for (const stored of garbage)
      expect(await verifyPassword('pleaseletmein', stored), String(stored)).to.equal(false);
  });

  it('refuses a password longer than 200 characters without hashing it', async () => {
    const stored = await hashPassword('x'.repeat(201), TEST_COST);
    expect(await verifyPassword('x'.repeat(201), stored)).to.equal(false);
  });

  it('accepts a password of ten characters that is not the login', () => {
    expect(passwordProblems('abcdefghij', 'li')).to.deep.equal([]);
  });

  it('counts characters as people see them: ten Chinese characters are enough', () => {
    expect(passwordProblems('治理现代化评估体系建设', 'li')).to.deep.equal([]);
  });

  it('names the length problem with the length found', () => {
    expect(passwordProblems('abcdefghi', 'li')).to.deep.equal([
      {
        where: 'password',
        message: 'use at least 10 characters (found 9)',
        zh: '至少需要 10 个字符（现有 9 个）',
      },
    ]);
  });

  it('counts an emoji made of several code points as one character', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(passwordProblems(`${family}12345678`, 'li')[0]?.message).to.equal(
      'use at least 10 characters (found 9)',
    );
  });

  it('refuses the login as the password, whatever the case and spaces', () => {
    expect(passwordProblems(' Administrator ', 'administrator')).to.deep.equal([
      { where: 'password', message: 'the password may not be the login', zh: '密码不能与登录名相同' },
    ]);
  });

  it('refuses a password over 200 characters, saying how they are counted', () => {
    expect(passwordProblems('y'.repeat(201), 'li')).to.deep.equal([
      {
        where: 'password',
        message:
          'use at most 200 characters, counted as Unicode code points (some emoji count as several; found 201)',
        zh: '最多 200 个字符，按 Unicode 码位计算（有些表情符号算作多个；现有 201 个）',
      },
    ]);
  });

  describe('one length rule for setting a password and for logging in', () => {
    const emoji = (count: number) => '\u{1F600}'.repeat(count);
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
    /** A password, and whether the rule allows it (then it must also log in). */
    const cases: readonly [string, string, boolean][] = [
      ['120 emoji (240 UTF-16 units)', emoji(120), true],
      ['200 emoji', emoji(200), true],
      ['201 emoji', emoji(201), false],
      ['29 family emoji (203 code points)', family.repeat(29), false],
      ['200 letters é typed decomposed (400 code points, 200 once composed)', 'e\u0301'.repeat(200), true],
      ['201 letters é typed decomposed', 'e\u0301'.repeat(201), false],
      ['one letter under 1,000 combining marks', `a${'\u0301'.repeat(999)}bcdefghijk`, false],
    ];

    it('accepts 120 emoji as a password and logs in with them', async () => {
      expect(passwordProblems(emoji(120), 'li')).to.deep.equal([]);
      expect(await verifyPassword(emoji(120), await hashPassword(emoji(120), TEST_COST))).to.equal(true);
    });

    it('lets a password log in exactly when the policy accepts it', async () => {
      const outcomes = [];
      for (const [name, password] of cases) {
        const accepted = passwordProblems(password, 'li').length === 0;
        const logsIn = await verifyPassword(password, await hashPassword(password, TEST_COST));
        outcomes.push([name, accepted, logsIn]);
      }
      expect(outcomes).to.deep.equal(cases.map(([name, , allowed]) => [name, allowed, allowed]));
    });
  });

  it('throws a ValidationError listing every problem at once', () => {
    let caught: unknown;
    try {
      assertAcceptablePassword('wang', 'wang');
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(ValidationError);
    expect((caught as ValidationError).details).to.have.length(2);
  });
});
