/**
 * The data template prefilled with the communities under a street or district (and a period's
 * stored values): only units the actor may see, values only with data.read, and a form downloaded
 * with values imports back through the normal import without changing a value.
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { ForbiddenError, NotFoundError, ValidationError } from '../../server/errors.js';
import type { Registry } from '../../server/indicators/registry-types.js';
import { DATA_SHEET, DATA_FIRST_ROW } from '../../server/indicators/template/template-xlsx.js';
import { cliActor, type Actor } from '../../server/services/actor.js';
import { dataTemplate } from '../../server/services/data-template.js';
import { importObservations } from '../../server/services/import-observations.js';
import { loadDemoCity } from '../../server/services/load-demo-city.js';
import { appDeps } from '../support/app-deps.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('data template prefilled with units and values (use case)', function () {
  this.timeout(180_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let registry: Registry;
  const admin = cliActor('cli:tester');
  let street = '';
  let communities: string[] = [];
  let period = '';

  before(async () => {
    temp = await tempEmbeddedStore();
    ({ registry } = await appDeps(temp.store));
    const evaluation = await loadDemoCity({ store: temp.store, registry }, admin);
    period = evaluation.periods[evaluation.periods.length - 1]!;
    const streets = await temp.store.units.list({ level: 'street' });
    street = streets[0]!.code;
    communities = (await temp.store.units.list({ parent: street })).map((u) => u.code).sort();
    expect(communities.length).to.be.greaterThan(1);
  });

  after(async () => {
    await temp.dispose();
  });

  const services = (): { store: typeof temp.store; registry: Registry } => ({ store: temp.store, registry });

  it('lists the communities under a street with their names and the period, values left empty', async () => {
    const file = await dataTemplate(services(), admin, {
      framework: 'default',
      format: 'csv',
      under: street,
      period: '2031',
    });
    const lines = (file.body as string).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 3)).to.deep.equal([
      'unit_code｜单位代码',
      'period｜时期',
      'unit_name｜单位名称',
    ]);
    expect(lines.slice(1).map((l) => l.split(',')[0])).to.deep.equal(communities);
    expect(lines.slice(1).every((l) => l.split(',')[1] === '2031')).to.equal(true);
    expect(
      lines[1]!
        .split(',')
        .slice(3)
        .every((cell) => cell === ''),
    ).to.equal(true);
    expect(file.fileName).to.equal(`zhili-template-default-${street}.csv`);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`imports a ${format} form downloaded with values back without changing a value`, async () => {
      const before = await temp.store.observations.current({ period, units: communities });
      expect(before).to.have.length(communities.length);
      const file = await dataTemplate(services(), admin, {
        framework: 'default',
        format,
        under: street,
        values: period,
      });
      const framework = registry.resolveFramework('default');
      const result = await importObservations({ store: temp.store }, admin, {
        file: {
          fileName: file.fileName,
          bytes: Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body, 'utf8'),
        },
        variables: framework.variables,
        rules: framework.rules,
        jumps: framework.definition.jumps,
        period: null,
      });
      expect(result.batch.counts, JSON.stringify(result.batch.issuesByReason)).to.include({
        rows: communities.length,
        errors: 0,
        warnings: 0,
      });
      const after = await temp.store.observations.current({ period, units: communities });
      expect(after.map((o) => [o.unit, o.values])).to.deep.equal(before.map((o) => [o.unit, o.values]));
    });
  }

  it('puts the values from row 4 of the XLSX data sheet', async () => {
    const file = await dataTemplate(services(), admin, {
      framework: 'default',
      format: 'xlsx',
      under: street,
      values: period,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file.body as Buffer).buffer);
    const sheet = workbook.getWorksheet(DATA_SHEET)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const first = (await temp.store.observations.current({ period, units: [communities[0]!] }))[0]!;
    const [variable, value] = Object.entries(first.values)[0]!;
    const column = header.findIndex((h) => String(h).startsWith(`${variable}｜`)) + 1;
    expect(sheet.getRow(DATA_FIRST_ROW).getCell(1).value).to.equal(communities[0]);
    expect(sheet.getRow(DATA_FIRST_ROW).getCell(column).value).to.equal(value);
  });

  it('answers a unit outside the scope like an unknown one', async () => {
    const streets = await temp.store.units.list({ level: 'street' });
    const other = streets.find((s) => s.parent !== streets[0]!.parent) ?? streets[1]!;
    const scoped: Actor = { name: 'li', role: 'evaluator', userId: null, unitScope: [street] };
    const error = await dataTemplate(services(), scoped, {
      framework: 'default',
      format: 'csv',
      under: other.code,
    }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NotFoundError);
  });

  it('shows a scoped actor only the communities in their scope under a district', async () => {
    const district = (await temp.store.units.get(street))!.parent!;
    const scoped: Actor = { name: 'li', role: 'evaluator', userId: null, unitScope: [street] };
    const file = await dataTemplate(services(), scoped, {
      framework: 'default',
      format: 'csv',
      under: district,
    }).catch((e: unknown) => e);
    // The district itself is outside a street-scoped actor's view.
    expect(file).to.be.instanceOf(NotFoundError);
    const own = await dataTemplate(services(), scoped, {
      framework: 'default',
      format: 'csv',
      under: street,
    });
    expect((own.body as string).trim().split('\r\n')).to.have.length(communities.length + 1);
  });

  it('needs data.read for values, and a period pattern', async () => {
    const viewer: Actor = { name: 'zhao', role: 'viewer', userId: null };
    const forbidden = await dataTemplate(services(), viewer, {
      framework: 'default',
      format: 'csv',
      under: street,
      values: period,
    }).catch((e: unknown) => e);
    expect(forbidden).to.be.instanceOf(ForbiddenError);
    const names = await dataTemplate(services(), viewer, {
      framework: 'default',
      format: 'csv',
      under: street,
    });
    expect((names.body as string).trim().split('\r\n')).to.have.length(communities.length + 1);
    const bad = await dataTemplate(services(), admin, {
      framework: 'default',
      format: 'csv',
      under: street,
      values: 'last',
    }).catch((e: unknown) => e);
    expect(bad).to.be.instanceOf(ValidationError);
    expect((bad as ValidationError).zh).to.include('values 应为时期');
    const lonely = await dataTemplate(services(), admin, {
      framework: 'default',
      format: 'csv',
      values: period,
    }).catch((e: unknown) => e);
    expect(lonely).to.be.instanceOf(ValidationError);
  });
});
