/**
 * Proof (issue 7): malformed and hostile uploads, each sent over the REST API and through the
 * /import page form of a logged-in session, get a clear 4xx answer (or a failed batch whose
 * report names row and column) and leave the store as it was: the same units, the same number of
 * current observations per period, the same committed batches, and no row under any batch the
 * attempt recorded as failed. Formula payloads come back neutralised in the report downloads;
 * markup in a unit name is kept as text and returned verbatim as JSON.
 */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { buildApp } from '../../server/app.js';
import { importRecords } from '../../server/store/import-records.js';
import type { ValidationReport } from '../../server/store/models/validation-report.js';
import type { Store } from '../../server/store/store.js';
import { appDeps } from '../support/app-deps.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { serve, type Served } from '../support/http.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { postImport, readJob, request, waitForJob, type JobView } from './support/api-client.js';
import { registerCommunities } from './support/framework-csv.js';
import { postImportForm, settleJobPage } from './support/import-form.js';
import {
  binaryJunk,
  FORMULA_PAYLOADS,
  formulaObservationsCsv,
  formulaUnitsCsv,
  hostileHeadersCsv,
  hostileKeysJson,
  hugeCsv,
  latin1Csv,
  SCRIPT_NAME,
  scriptInReportCsv,
  scriptUnitCsv,
  shiftJisCsv,
  truncatedXlsx,
  utf16WithoutMark,
} from './support/malformed-files.js';
import { batchesSince, snapshot, type Snapshot } from './support/store-snapshot.js';

interface Upload {
  readonly name: string;
  readonly kind: 'units' | 'observations';
  readonly bytes: Buffer;
}

/** How an upload ended: refused with a status and message, or a batch that failed or committed. */
type Outcome =
  | { readonly kind: 'refused'; readonly status: number; readonly message: string; readonly where: string[] }
  | { readonly kind: 'failed' | 'committed'; readonly batch: string };

interface Problem {
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly { readonly where?: string }[];
}

const PERIOD = '2025';

function fromJob(job: JobView, page = ''): Outcome {
  if (job.status === 'failed' && job.error !== null) {
    const where = job.error.details.map((d) => d.where ?? '');
    return { kind: 'refused', status: job.error.status, message: `${job.error.message} ${page}`, where };
  }
  const { outcome, batch } = job.result ?? {};
  if ((outcome === 'failed' || outcome === 'committed') && batch !== undefined)
    return { kind: outcome, batch };
  throw new Error(`unexpected job: ${JSON.stringify(job)}`);
}

/** The batch of an outcome that must be `kind`. */
function batchOf(outcome: Outcome, kind: 'failed' | 'committed'): string {
  if (outcome.kind !== kind) throw new Error(`expected a ${kind} batch, got ${JSON.stringify(outcome)}`);
  return outcome.batch;
}

/** Page text without tags, entities decoded: what a reader of the page sees. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('malformed uploads, over the API and through the import form', function () {
  this.timeout(120_000);
  let store: Store;
  let served: Served | undefined;
  let dispose: (() => Promise<void>) | undefined;
  let admin: SeededUser;
  let url: string;
  let initial: Snapshot;
  let knownBatches: Set<string>;

  async function viaApi(upload: Upload): Promise<Outcome> {
    const answer = await postImport(url, admin.headers, upload.bytes, {
      kind: upload.kind,
      filename: upload.name,
      ...(upload.kind === 'observations' ? { period: PERIOD } : {}),
    });
    if (answer.status !== 202) {
      const problem = answer.body as unknown as Problem;
      expect(answer.type).to.match(/^application\/problem\+json/);
      expect(problem.status).to.equal(answer.status);
      const where = (problem.errors ?? []).map((e) => e.where ?? '');
      return { kind: 'refused', status: answer.status, message: problem.detail, where };
    }
    return fromJob(await waitForJob(url, admin.headers, answer.body.id));
  }

  async function viaForm(upload: Upload): Promise<Outcome> {
    const posted = await postImportForm(
      url,
      admin,
      { kind: upload.kind, framework: 'default', period: upload.kind === 'observations' ? PERIOD : '' },
      { name: upload.name, bytes: upload.bytes },
    );
    if (posted.status !== 303 || posted.jobId === undefined) {
      return { kind: 'refused', status: posted.status, message: visibleText(posted.html), where: [] };
    }
    const page = await settleJobPage(url, admin, posted.jobId);
    return fromJob(await readJob(url, admin.headers, posted.jobId), visibleText(page.html));
  }

  const channels = [
    ['over the API', viaApi],
    ['through the form', viaForm],
  ] as const;

  /** The store shows what it showed before, and every batch recorded since holds no rows. */
  async function expectStoreUnchanged(): Promise<void> {
    expect(await snapshot(store)).to.deep.equal(initial);
    for (const { batch, rows } of await batchesSince(store, knownBatches)) {
      expect(batch.status, batch.fileName).to.equal('failed');
      expect(rows, batch.fileName).to.equal(0);
    }
  }

  before(async () => {
    const temp = await tempEmbeddedStore();
    store = temp.store;
    dispose = temp.dispose;
    admin = await seedUser(store, 'admin');
    await registerCommunities(store, ['C1', 'C2', 'C3']);
    await importRecords(
      store,
      {
        kind: 'observations',
        actor: 'hardening',
        fileName: 'baseline.csv',
        sha256: 'a'.repeat(64),
        period: PERIOD,
        periods: [PERIOD],
      },
      ['C1', 'C2', 'C3'].map((unit) => ({ unit, period: PERIOD, values: { households: 100 } })),
      { tally: { rows: 3, errors: 0, warnings: 0 } },
    );
    served = await serve(buildApp(await appDeps(store)));
    url = served.url;
    initial = await snapshot(store);
    knownBatches = new Set((await store.imports.list()).map((b) => b.id));
  });

  after(async () => {
    await served?.close();
    await dispose?.();
  });

  describe('refused with a clear 4xx naming the file or field, the store unchanged', () => {
    const refusals: {
      readonly title: string;
      readonly upload: () => Promise<Upload>;
      readonly status: number;
      readonly message: RegExp;
    }[] = [
      {
        title: 'a truncated XLSX workbook',
        upload: async () => ({ name: 'cut.xlsx', kind: 'observations', bytes: await truncatedXlsx(0.6) }),
        status: 400,
        message: /cut\.xlsx is not a readable XLSX workbook \(damaged or truncated/,
      },
      {
        title: 'binary junk',
        upload: () =>
          Promise.resolve({ name: 'junk.csv', kind: 'observations', bytes: binaryJunk(64 * 1024) }),
        status: 400,
        message: /junk\.csv looks like a binary file, not text/,
      },
      {
        title: 'Latin-1 text (not UTF-8, not GB18030)',
        upload: () => Promise.resolve({ name: 'latin1.csv', kind: 'units', bytes: latin1Csv }),
        status: 400,
        message: /latin1\.csv is neither UTF-8 nor GB18030\/GBK text; save it from Excel as "CSV UTF-8"/,
      },
      {
        title: 'Shift-JIS text',
        upload: () => Promise.resolve({ name: 'sjis.csv', kind: 'units', bytes: shiftJisCsv }),
        status: 400,
        message: /sjis\.csv is neither UTF-8 nor GB18030\/GBK text/,
      },
      {
        title: 'UTF-16 text without a byte-order mark',
        upload: () => Promise.resolve({ name: 'utf16.csv', kind: 'units', bytes: utf16WithoutMark }),
        status: 400,
        message:
          /utf16\.csv looks like UTF-16 text without a byte-order mark; save it from Excel as "CSV UTF-8"/,
      },
      {
        title: 'a file of blank lines',
        upload: () => Promise.resolve({ name: 'blank.csv', kind: 'units', bytes: Buffer.from('\r\n  \r\n') }),
        status: 400,
        message: /blank\.csv is empty/,
      },
      {
        title: 'a header-only file',
        upload: () =>
          Promise.resolve({
            name: 'header-only.csv',
            kind: 'observations',
            bytes: Buffer.from('unit_code,households\r\n'),
          }),
        status: 400,
        message: /header-only\.csv has a header row but no data rows/,
      },
    ];

    for (const refusal of refusals) {
      for (const [channel, send] of channels) {
        it(`${refusal.title}, ${channel}`, async () => {
          const outcome = await send(await refusal.upload());
          expect(outcome).to.deep.include({ kind: 'refused', status: refusal.status });
          expect(outcome).to.have.property('message').that.matches(refusal.message);
          await expectStoreUnchanged();
        });
      }
    }

    it('an empty body over the API: 400 naming the body', async () => {
      const outcome = await viaApi({ name: 'empty.csv', kind: 'units', bytes: Buffer.alloc(0) });
      expect(outcome).to.deep.include({ kind: 'refused', status: 400, where: ['body'] });
      expect(outcome)
        .to.have.property('message')
        .that.matches(/send the file as the request body; it was empty/);
      await expectStoreUnchanged();
    });

    it('an empty file through the form: 400 naming the file field', async () => {
      const outcome = await viaForm({ name: 'empty.csv', kind: 'units', bytes: Buffer.alloc(0) });
      expect(outcome).to.deep.include({ kind: 'refused', status: 400 });
      expect(outcome)
        .to.have.property('message')
        .that.matches(/请选择要导入的文件；没有收到文件/);
      await expectStoreUnchanged();
    });

    for (const [channel, send] of channels) {
      it(`a 50 MB CSV (limit 32 MiB), ${channel}: 413 naming the limit`, async () => {
        const outcome = await send({ name: 'huge.csv', kind: 'observations', bytes: hugeCsv(50) });
        expect(outcome).to.deep.include({ kind: 'refused', status: 413 });
        // The form's body may exceed the file limit by 64 KiB of form fields: it names 32.1 MiB. The
        // form's page says it in Chinese, the API in English.
        expect(outcome)
          .to.have.property('message')
          .that.matches(/larger than the (upload )?limit of 32(\.\d)? MiB|超过了 32(\.\d)? MiB 的上限/);
        await expectStoreUnchanged();
      });
    }
  });

  describe('a failed batch whose report names row and column, the store unchanged', () => {
    async function reportOf(batch: string): Promise<ValidationReport> {
      const answer = await request<ValidationReport>(`${url}/api/v1/imports/${batch}/report`, admin.headers);
      expect(answer.status).to.equal(200);
      return answer.body;
    }

    /** Both report downloads (API and page export), parsed, with the BOM gone. */
    async function reportCsvs(batch: string): Promise<string[][][]> {
      const api = await request<string>(`${url}/api/v1/imports/${batch}/report?format=csv`, admin.headers);
      const page = await request<string>(`${url}/import/batches/${batch}?format=csv`, {
        cookie: admin.cookie,
      });
      return [api, page].map((answer) => {
        expect(answer.status).to.equal(200);
        expect(answer.type).to.match(/^text\/csv/);
        return parse(answer.body.replace(/^\uFEFF/, ''), { relax_column_count: true });
      });
    }

    for (const [channel, send] of channels) {
      it(`formula payloads in number cells, ${channel}: refused cell by cell, neutralised in both downloads`, async () => {
        const batch = batchOf(
          await send({ name: 'formulas.csv', kind: 'observations', bytes: formulaObservationsCsv() }),
          'failed',
        );
        const report = await reportOf(batch);
        expect(report.file).to.equal('formulas.csv');
        const bad = report.issues.map((i) => [i.row, i.column?.letter, i.reason, i.value]);
        expect(bad).to.deep.equal([
          [2, 'B', 'formula_text', FORMULA_PAYLOADS[0]],
          [2, 'C', 'formula_text', FORMULA_PAYLOADS[1]],
          [3, 'C', 'formula_text', FORMULA_PAYLOADS[2]],
          [3, 'D', 'formula_text', FORMULA_PAYLOADS[3]],
        ]);
        for (const rows of await reportCsvs(batch)) {
          const cells = rows.flat();
          for (const payload of FORMULA_PAYLOADS) expect(cells).to.include(`'${payload}`);
          expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).to.deep.equal([]);
        }
        await expectStoreUnchanged();
      });

      it(`a unit name that is a formula, ${channel}: refused, named by row and column`, async () => {
        const batch = batchOf(
          await send({ name: 'formula-units.csv', kind: 'units', bytes: formulaUnitsCsv }),
          'failed',
        );
        const issues = (await reportOf(batch)).issues;
        expect(issues.map((i) => [i.row, i.column?.letter, i.column?.header, i.reason])).to.deep.equal([
          [2, 'B', 'name', 'formula_text'],
        ]);
        const [apiRows] = await reportCsvs(batch);
        expect(apiRows![1]![3]).to.equal(`'${FORMULA_PAYLOADS[0]}`);
        await expectStoreUnchanged();
      });

      it(`only $where, __proto__, constructor, prototype and $gt headers, ${channel}: each named`, async () => {
        const batch = batchOf(
          await send({ name: 'hostile.csv', kind: 'units', bytes: hostileHeadersCsv }),
          'failed',
        );
        const issues = (await reportOf(batch)).issues;
        expect(issues.filter((i) => i.reason === 'missing_column')).to.have.length(3);
        expect(
          issues.filter((i) => i.reason === 'unknown_column').map((i) => i.column?.header),
        ).to.deep.equal(['$where', '__proto__', 'constructor', 'prototype', '$gt']);
        expect(Object.prototype).not.to.have.property('polluted');
        await expectStoreUnchanged();
      });

      it(`markup in a refused register, ${channel}: kept as plain text in the report and its CSV`, async () => {
        const batch = batchOf(
          await send({ name: 'markup.csv', kind: 'units', bytes: scriptInReportCsv }),
          'failed',
        );
        const issues = (await reportOf(batch)).issues;
        expect(issues.map((i) => [i.column?.letter, i.reason, i.value])).to.deep.equal([
          ['E', 'unknown_column', SCRIPT_NAME],
          ['C', 'invalid_value', SCRIPT_NAME],
        ]);
        const [apiRows] = await reportCsvs(batch);
        expect(apiRows!.flat().filter((cell) => cell === SCRIPT_NAME)).to.have.length(3);
        await expectStoreUnchanged();
      });
    }
  });

  describe('accepted as plain text', () => {
    for (const [channel, send, code] of [
      ['over the API', viaApi, 'S1'],
      ['through the form', viaForm, 'S2'],
    ] as const) {
      it(`a <script> unit name, ${channel}: stored as text, returned verbatim as JSON`, async () => {
        // The register is valid: the upload is accepted, not refused.
        batchOf(
          await send({ name: `script-${code}.csv`, kind: 'units', bytes: scriptUnitCsv(code) }),
          'committed',
        );
        const answer = await fetch(`${url}/api/v1/units/${code}`, { headers: admin.headers });
        expect(answer.headers.get('content-type')).to.match(/^application\/json/);
        expect(answer.headers.get('x-content-type-options')).to.equal('nosniff');
        const text = await answer.text();
        expect(text).to.include(`"zh":"${SCRIPT_NAME}"`);
        const unit = JSON.parse(text) as { name: { zh: string; en: string } };
        expect(unit.name).to.deep.equal({ zh: SCRIPT_NAME, en: '<img src=x onerror=alert(1)>' });
      });
    }

    it('JSON rows with $where, __proto__ and constructor keys: those keys ignored with a warning each', async () => {
      const batch = batchOf(
        await viaApi({ name: 'hostile.json', kind: 'units', bytes: hostileKeysJson }),
        'committed',
      );
      const unit = await store.units.get('J1');
      expect(unit?.name.zh).to.equal('甲社区');
      expect(Object.keys(unit?.attributes ?? {})).to.deep.equal([]);
      expect(Object.prototype).not.to.have.property('polluted');
      const warned = (await store.imports.report(batch))?.issues.map((i) => i.column?.header);
      expect(warned).to.deep.equal(['$where', '__proto__', 'constructor']);
    });
  });
});
