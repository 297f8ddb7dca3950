import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateJson, formatPath, type JsonSchema } from '../../server/src/engine/json-schema';

const schema: JsonSchema = {
  type: 'object',
  required: ['id', 'tags'],
  additionalProperties: false,
  properties: {
    id: { $ref: '#/$defs/id' },
    tags: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    level: { enum: ['off', 'info'] },
    count: { type: 'integer', minimum: 0 },
    rule: { oneOf: [{ enum: ['off'] }, { type: 'object', required: ['severity'], properties: { severity: { type: 'string' } } }] },
  },
  $defs: { id: { type: 'string', pattern: '^[a-z]+(-[a-z]+)*$' } },
};

const messages = (value: unknown): string[] => validateJson(value, schema).map((p) => `${formatPath(p.path)}: ${p.message}`);

test('valid input has no problems', () => {
  assert.deepEqual(messages({ id: 'do-no-harm', tags: ['a'], level: 'off', count: 2, rule: 'off' }), []);
  assert.deepEqual(messages({ id: 'a', tags: ['a'], rule: { severity: 'x' } }), []);
});

test('each kind of problem is named with its path', () => {
  assert.deepEqual(messages({ id: 'Do No Harm', tags: [], extra: 1, level: 'loud', count: 1.5 }), [
    'id: "Do No Harm" does not match the pattern ^[a-z]+(-[a-z]+)*$',
    'tags: needs at least 1 item(s), found 0',
    'extra: unexpected property (allowed: id, tags, level, count, rule)',
    'level: must be one of "off", "info"; found "loud"',
    'count: expected a integer, found 1.5',
  ]);
  assert.deepEqual(messages({ tags: [''] }), ['id: missing', 'tags[0]: must not be empty']);
  assert.deepEqual(messages([]), ['(root): expected an object, found an array']);
  assert.deepEqual(messages({ id: 'a', tags: ['b'], rule: { level: 1 } }), ['rule.severity: missing']);
});
