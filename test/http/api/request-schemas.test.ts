import { expect } from 'chai';
import { minmax } from '../../../server/engine/methods/normalisation/minmax.js';
import { ValidationError } from '../../../server/errors.js';
import { openApiDocument } from '../../../server/http/api/openapi.js';
import {
  newEvaluationBody,
  newUserBody,
  REQUEST_BODIES,
  userChangeBody,
} from '../../../server/http/api/request-schemas.js';
import { asNewUser, USER_FIELD_SCHEMAS } from '../../../server/store/models/user.js';

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}
const paths = openApiDocument.paths as unknown as Record<string, Record<string, Operation>>;

function documentedJsonBodies(): Map<string, unknown> {
  const bodies = new Map<string, unknown>();
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const json = operation.requestBody?.content?.['application/json'];
      if (json !== undefined) bodies.set(`${method} ${path}`, json.schema);
    }
  }
  return bodies;
}

describe('API request schemas', () => {
  it('documents each validated request body with the very schema object the router validates with', () => {
    const documented = documentedJsonBodies();
    for (const body of REQUEST_BODIES) {
      expect(documented.get(`${body.method} ${body.path}`), `${body.method} ${body.path}`).to.equal(
        body.schema,
      );
    }
  });

  it('documents no JSON request body outside the shared schemas but the indicator draft (any definition)', () => {
    const shared = new Set(REQUEST_BODIES.map((body) => `${body.method} ${body.path}`));
    const others = [...documentedJsonBodies().keys()].filter((key) => !shared.has(key));
    expect(others).to.deep.equal(['post /indicator-drafts/check']);
  });

  it("shows POST /evaluations' framework pattern in OpenAPI and refuses an id that breaks it", () => {
    const schema = documentedJsonBodies().get('post /evaluations') as {
      properties: { framework: { pattern?: string } };
    };
    expect(schema.properties.framework.pattern).to.be.a('string');
    expect(() => newEvaluationBody.parse({ framework: 'no such/../id', periods: ['2024'] })).to.throw(
      ValidationError,
      /framework/,
    );
  });

  it("gives the API's user bodies and the stored user one unit-scope schema, 200 codes at most", () => {
    const bodies = [newUserBody, userChangeBody].map(
      (body) => (body.schema as { properties: Record<string, unknown> }).properties,
    );
    for (const properties of bodies) expect(properties.unitScope).to.equal(USER_FIELD_SCHEMAS.unitScope);
    const scope = Array.from({ length: 201 }, (_, i) => `U${String(i).padStart(3, '0')}`);
    const user = { login: 'li', displayName: '李', role: 'viewer', unitScope: scope };
    expect(() => newUserBody.parse(user)).to.throw(
      ValidationError,
      /unitScope must NOT have more than 200 items/,
    );
    expect(() => asNewUser(user)).to.throw(ValidationError, /unitScope must NOT have more than 200 items/);
  });

  it("checks a request's method parameters with the schema the method declares, and documents it", () => {
    const schema = newEvaluationBody.schema as {
      properties: { methods: { properties: Record<string, { properties: Record<string, unknown> }> } };
    };
    expect(schema.properties.methods.properties.normalisation?.properties.range).to.equal(
      minmax.params.properties.range,
    );
    expect(() =>
      newEvaluationBody.parse({
        framework: 'default',
        periods: ['2024'],
        methods: { normalisation: { method: 'minmax', range: [0, 100, 200] } },
      }),
    ).to.throw(ValidationError, /methods\/normalisation\/range/);
  });
});
