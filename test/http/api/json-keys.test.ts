import { expect } from 'chai';
import { firstUnsafeKey } from '../../../server/http/json-keys.js';
import { demoApi, type ApiFixture } from './api-fixture.js';

interface Problem {
  code: string;
  status: number;
  errors?: { where?: string; message: string }[];
}

describe('unsafe JSON and query keys', function () {
  this.timeout(60_000);

  describe('firstUnsafeKey', () => {
    it('names the path of a "$" key inside an array of objects', () => {
      expect(firstUnsafeKey({ periods: ['2025', { $gt: '' }] }, 'body')).to.deep.equal({
        where: 'body/periods/1/$gt',
        reason: 'keys may not start with "$"',
      });
    });

    it('finds "__proto__" as JSON.parse leaves it: an own property', () => {
      const parsed: unknown = JSON.parse('{"label":{"__proto__":{"isAdmin":true}}}');
      expect(firstUnsafeKey(parsed, 'body')?.where).to.equal('body/label/__proto__');
    });

    it('accepts ordinary keys and values that merely contain "$" or "."', () => {
      expect(firstUnsafeKey({ label: { zh: '$.x', en: 'a.b' }, list: [1, 'x', null] }, 'body')).to.equal(
        undefined,
      );
    });

    it('walks 100,000 levels of nesting without overflowing the stack', () => {
      let deep: unknown = { $where: 1 };
      for (let i = 0; i < 100_000; i += 1) deep = [deep];
      expect(firstUnsafeKey(deep, 'body')?.where).to.match(/^body(\/0){100000}\/\$where$/);
    });
  });

  describe('over HTTP', () => {
    let api: ApiFixture;

    before(async () => {
      api = await demoApi();
    });

    after(async () => {
      await api.close();
    });

    async function post(path: string, raw: string): Promise<Problem> {
      const answer = await api.call<Problem>(`${api.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: raw,
      });
      expect(answer.status, raw).to.equal(400);
      expect(answer.body.code).to.equal('validation_failed');
      return answer.body;
    }

    it('refuses "$", "." and prototype keys in a body with 400 naming the path, and starts no evaluation', async () => {
      const before = (await api.store.evaluations.list()).length;
      const cases: readonly [string, string][] = [
        ['{"framework":"default","periods":["2025"],"methods":{"$where":"1"}}', 'body/methods/$where'],
        ['{"framework":"default","periods":["2025"],"label":{"zh.en":"x"}}', 'body/label/zh.en'],
        ['{"framework":"default","periods":["2025"],"__proto__":{"role":"admin"}}', 'body/__proto__'],
        ['{"framework":"default","periods":[{"constructor":{"prototype":1}}]}', 'body/periods/0/constructor'],
      ];
      for (const [raw, where] of cases) {
        expect((await post('/evaluations', raw)).errors?.[0]?.where).to.equal(where);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await api.store.evaluations.list()).to.have.length(before);
    });

    it('stores no user when the body smuggles a "__proto__" role', async () => {
      const raw =
        '{"login":"smuggler","displayName":"S","role":"viewer","password":"long enough password","__proto__":{"role":"admin"}}';
      expect((await post('/users', raw)).errors?.[0]?.where).to.equal('body/__proto__');
      expect(await api.store.users.findByLogin('smuggler')).to.equal(undefined);
    });

    it('stores no token when a key starts with "$"', async () => {
      const before = await api.store.sessions.list({ kind: 'token' });
      expect(
        (await post('/tokens', '{"label":"x","$set":{"userId":"someone"}}')).errors?.[0]?.where,
      ).to.equal('body/$set');
      expect(await api.store.sessions.list({ kind: 'token' })).to.have.length(before.length);
    });

    it('refuses any JSON body nested deeper than 64 levels with 400 naming the limit', async () => {
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const answers = [
        await post('/evaluations', `{"framework":"default","periods":["2025"],"methods":${deep}}`),
        await post('/users', `{"login":"deep","displayName":${deep}}`),
      ];
      expect(answers.map((a) => a.errors?.[0]?.where)).to.deep.equal([
        `body/methods${'/0'.repeat(63)}`,
        `body/displayName${'/0'.repeat(63)}`,
      ]);
      expect(answers.map((a) => a.errors?.[0]?.message)).to.deep.equal([
        'JSON 嵌套不得超过 64 层 nested deeper than 64 levels of arrays and objects',
        'JSON 嵌套不得超过 64 层 nested deeper than 64 levels of arrays and objects',
      ]);
    });

    it('refuses such keys in the query string too', async () => {
      for (const [query, where] of [
        ['$where=1', 'query/$where'],
        ['level.$ne=x', 'query/level.$ne'],
        ['__proto__=1', 'query/__proto__'],
      ] as const) {
        const answer = await api.call<Problem>(`${api.url}/units?${query}`);
        expect(answer.status, query).to.equal(400);
        expect(answer.body.errors?.[0]?.where).to.equal(where);
      }
    });
  });
});
