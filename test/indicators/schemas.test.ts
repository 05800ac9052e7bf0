import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { METHOD_PARAMS } from '../../server/indicators/method-params.js';
import { createAjv, definitionSchemas } from '../../server/indicators/schemas.js';
import { indicatorsDir } from '../../server/paths.js';
import { goodDir } from './fixture-paths.js';

interface ParamRuleShape {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
}

describe('definition schemas', () => {
  it('accept a good indicator, dimension and framework', async () => {
    const { validators } = definitionSchemas();
    expect(validators.indicator(await readJson(path.join(goodDir, 'service', 'reach', 'grid_coverage.json'))))
      .to.be.true;
    expect(validators.dimension(await readJson(path.join(goodDir, 'service', 'reach', 'dimension.json')))).to
      .be.true;
    expect(validators.framework(await readJson(path.join(goodDir, 'frameworks', 'small.json')))).to.be.true;
  });

  it('are JSON Schema 2020-12 with no unknown properties allowed at the top', async () => {
    for (const file of ['indicator.schema.json', 'dimension.schema.json', 'framework.schema.json']) {
      const schema = await readJson(path.join(indicatorsDir, file));
      expect(schema.$schema, file).to.equal('https://json-schema.org/draft/2020-12/schema');
      expect(schema.additionalProperties, file).to.equal(false);
    }
  });

  it('refuse an inputs variable that is text, or lacks its unit', async () => {
    const { validators } = definitionSchemas();
    const indicator = await readJson(path.join(goodDir, 'service', 'reach', 'grid_coverage.json'));
    const inputs = indicator.inputs as { properties: Record<string, Record<string, unknown>> };
    const households = inputs.properties.households!;
    households.type = 'string';
    delete households.unit;
    expect(validators.indicator(indicator)).to.be.false;
    const pointers = (validators.indicator.errors ?? []).map(
      (error) => `${error.instancePath} ${error.keyword}`,
    );
    expect(pointers).to.include('/inputs/properties/households/type enum');
    expect(pointers).to.include('/inputs/properties/households required');
  });

  it('refuse keywords outside the restricted inputs schema', async () => {
    const { validators } = definitionSchemas();
    const indicator = await readJson(path.join(goodDir, 'service', 'reach', 'grid_coverage.json'));
    (indicator.inputs as Record<string, unknown>).additionalProperties = true;
    expect(validators.indicator(indicator)).to.be.false;
    expect(validators.indicator.errors?.[0]?.params).to.deep.equal({
      additionalProperty: 'additionalProperties',
    });
  });

  it('compile an inputs schema as a schema, with unit and label as typed keywords', () => {
    const ajv = createAjv();
    const validate = ajv.compile({
      type: 'object',
      properties: {
        households: {
          type: 'integer',
          minimum: 0,
          unit: { zh: '户', en: 'households' },
          label: { zh: '常住户数', en: 'Resident households' },
        },
      },
      required: ['households'],
    });
    expect(validate({ households: 3 })).to.be.true;
    expect(validate({ households: -1 })).to.be.false;
  });

  it('refuse a unit keyword without its English text', () => {
    const ajv = createAjv();
    expect(() => ajv.compile({ type: 'number', unit: { zh: '户' } })).to.throw(
      /keyword "unit" value is invalid/,
    );
  });

  it('give every method parameter the registry knows a type in framework.schema.json', async () => {
    const schema = await readJson(path.join(indicatorsDir, 'framework.schema.json'));
    const stages = ((schema.properties as Record<string, Record<string, unknown>>).methods!.properties ??
      {}) as Record<string, { properties?: Record<string, unknown>; $ref?: string }>;
    const defs = schema.$defs as Record<string, { properties?: Record<string, unknown> }>;
    for (const [stage, methods] of Object.entries(METHOD_PARAMS)) {
      const stageSchema = stages[stage]!;
      const properties =
        stageSchema.properties ?? defs[stageSchema.$ref?.split('/').at(-1) ?? '']?.properties ?? {};
      const rules: Readonly<Record<string, ParamRuleShape>> = methods;
      for (const [method, rule] of Object.entries(rules)) {
        for (const param of [...rule.required, ...rule.optional]) {
          expect(Object.keys(properties), `${stage}.${method}.${param}`).to.include(param);
        }
      }
    }
  });
});
