import { expect } from 'chai';
import { METHODS, stageDeclarations, type Stage } from '../../../server/engine/method-names.js';
import type { MethodDefinition } from '../../../server/engine/methods/method.js';
import { ParamReader } from '../../../server/engine/params.js';
import { emptyInput } from '../support/prepare.js';

/** A reader that notes every parameter name the method asks for. */
class RecordingReader extends ParamReader {
  readonly asked = new Set<string>();

  override raw(key: string): unknown {
    this.asked.add(key);
    return super.raw(key);
  }

  override has(key: string): boolean {
    this.asked.add(key);
    return super.has(key);
  }
}

function askedParams(method: MethodDefinition<string, unknown>): string[] {
  const reader = new RecordingReader({ method: method.name }, `methods.${method.name}`);
  method.prepare(reader, emptyInput);
  return [...reader.asked].sort();
}

describe('method declarations', () => {
  for (const stage of Object.keys(METHODS) as Stage[]) {
    const methods: Readonly<Record<string, MethodDefinition<string, unknown>>> = METHODS[stage];
    for (const [name, method] of Object.entries(methods)) {
      it(`${stage}.${name} declares exactly the parameters its ParamReader reads`, () => {
        expect(Object.keys(method.params.properties).sort()).to.deep.equal(askedParams(method));
      });

      it(`${stage}.${name} requires only parameters it declares`, () => {
        for (const required of method.params.required) {
          expect(Object.keys(method.params.properties), required).to.include(required);
        }
      });

      it(`${stage}.${name} has a Chinese and an English label and explanation`, () => {
        for (const text of [method.label.zh, method.label.en, method.explain.zh, method.explain.en]) {
          expect(text.trim()).to.not.equal('');
        }
        expect(method.label.zh).to.match(/[\u4e00-\u9fff]/u);
        expect(method.explain.zh).to.match(/[\u4e00-\u9fff]/u);
      });
    }

    it(`lists the ${stage} declarations in the name map's order`, () => {
      expect(stageDeclarations(stage).map((d) => d.name)).to.deep.equal(Object.keys(METHODS[stage]));
    });
  }

  it('a reader that reads a parameter the schema does not declare is caught', () => {
    const undeclared: MethodDefinition<'probe', null> = {
      name: 'probe',
      params: { type: 'object', properties: {}, required: [], additionalProperties: false },
      label: { zh: '探针', en: 'probe' },
      explain: { zh: '只读一个参数。', en: 'Reads one parameter.' },
      prepare(reader) {
        reader.number('threshold', 1);
        return null;
      },
    };
    expect(askedParams(undeclared)).to.deep.equal(['threshold']);
    expect(Object.keys(undeclared.params.properties)).to.not.deep.equal(askedParams(undeclared));
  });
});
