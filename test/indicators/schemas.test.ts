import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { METHODS, stageDeclarations, type Stage } from '../../server/engine/method-names.js';
import { METHODS_SCHEMA_ID, methodsSchema } from '../../server/indicators/methods-schema.js';
import { createAjv, definitionSchemas } from '../../server/indicators/schemas.js';
import { indicatorsDir } from '../../server/paths.js';
import { goodDir } from './fixture-paths.js';

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

  it('validate every method parameter with the very schema the method declares', () => {
    const { ajv } = definitionSchemas();
    const built = methodsSchema();
    expect(ajv.getSchema(METHODS_SCHEMA_ID)?.schema).to.equal(built);
    for (const stage of Object.keys(METHODS) as Stage[]) {
      for (const declaration of stageDeclarations(stage)) {
        for (const [param, schema] of Object.entries(declaration.params.properties)) {
          expect(
            built.properties[stage].properties[param],
            `${stage}.${declaration.name}.${param}`,
          ).to.deep.equal(schema);
        }
      }
    }
  });

  it("refuse a framework whose method parameter breaks its method's declared schema", async () => {
    const { validators } = definitionSchemas();
    const framework = await readJson(path.join(goodDir, 'frameworks', 'small.json'));
    const methods = framework.methods as Record<string, Record<string, unknown>>;
    methods.normalisation = { method: 'zscore', sd: 0 };
    methods.weighting = { method: 'ahp', children: ['only_one'] };
    expect(validators.framework(framework)).to.be.false;
    const errors = (validators.framework.errors ?? []).map(
      (error) => `${error.instancePath} ${error.keyword}`,
    );
    expect(errors).to.include('/methods/normalisation/sd exclusiveMinimum');
    expect(errors).to.include('/methods/weighting/children minItems');
  });
});
