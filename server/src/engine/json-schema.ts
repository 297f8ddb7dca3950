/**
 * Pure: a small JSON Schema validator for the subset of draft 2020-12 that the knowledge
 * schema and the `.pimrc.json` schema use. Written here instead of pulling in a code-generating
 * validator, so the engine also runs where `eval` is forbidden (a browser worker), and so that
 * errors read as `terms[41].names.fr: missing`.
 */

export interface JsonSchema {
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly oneOf?: readonly JsonSchema[];
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
}

export interface SchemaProblem {
  /** Path segments from the validated root, e.g. ['terms', 41, 'names', 'fr']. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Renders a path as `terms[41].names.fr`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(root)' : out;
}

export function validateJson(value: unknown, schema: JsonSchema, root: JsonSchema = schema): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const patterns = new Map<string, RegExp>();
  visit(value, schema, []);
  return problems;

  function visit(node: unknown, rule: JsonSchema, path: (string | number)[]): void {
    if (rule.$ref !== undefined) {
      visit(node, resolveRef(root, rule.$ref), path);
      return;
    }
    if (rule.oneOf !== undefined) {
      visitOneOf(node, rule.oneOf, path);
      return;
    }
    if (rule.const !== undefined && node !== rule.const) {
      report(path, `must be ${JSON.stringify(rule.const)}, found ${describe(node)}`);
      return;
    }
    if (rule.enum !== undefined && !rule.enum.includes(node)) {
      report(path, `must be one of ${rule.enum.map((v) => JSON.stringify(v)).join(', ')}; found ${describe(node)}`);
      return;
    }
    if (rule.type !== undefined && !matchesType(node, rule.type)) {
      report(path, `expected ${typeName(rule.type)}, found ${describe(node)}`);
      return;
    }
    if (typeof node === 'string') checkString(node, rule, path);
    else if (typeof node === 'number') checkNumber(node, rule, path);
    else if (Array.isArray(node)) checkArray(node, rule, path);
    else if (isObject(node)) checkObject(node, rule, path);
  }

  function visitOneOf(node: unknown, options: readonly JsonSchema[], path: (string | number)[]): void {
    const attempts = options.map((option) => validateJson(node, option, root));
    if (attempts.some((attempt) => attempt.length === 0)) return;
    // The option that got furthest into the value before failing says most about what was meant.
    const depth = (attempt: SchemaProblem[]): number => Math.max(...attempt.map((p) => p.path.length));
    const closest = attempts.reduce((best, next) => (depth(next) > depth(best) || (depth(next) === depth(best) && next.length < best.length) ? next : best));
    for (const problem of closest) problems.push({ path: [...path, ...problem.path], message: problem.message });
  }

  function checkString(node: string, rule: JsonSchema, path: (string | number)[]): void {
    if (rule.minLength !== undefined && node.length < rule.minLength) {
      report(path, node.length === 0 ? 'must not be empty' : `must be at least ${rule.minLength} characters long`);
    }
    if (rule.maxLength !== undefined && node.length > rule.maxLength) {
      report(path, `must be at most ${rule.maxLength} characters long, found ${node.length}`);
    }
    if (rule.pattern !== undefined && !compiled(rule.pattern).test(node)) {
      report(path, `${JSON.stringify(node)} does not match the pattern ${rule.pattern}`);
    }
  }

  function checkNumber(node: number, rule: JsonSchema, path: (string | number)[]): void {
    if (rule.minimum !== undefined && node < rule.minimum) report(path, `must be at least ${rule.minimum}, found ${node}`);
    if (rule.maximum !== undefined && node > rule.maximum) report(path, `must be at most ${rule.maximum}, found ${node}`);
  }

  function checkArray(node: readonly unknown[], rule: JsonSchema, path: (string | number)[]): void {
    if (rule.minItems !== undefined && node.length < rule.minItems) {
      report(path, `needs at least ${rule.minItems} item(s), found ${node.length}`);
    }
    if (rule.items !== undefined) {
      const itemRule = rule.items;
      node.forEach((item, index) => visit(item, itemRule, [...path, index]));
    }
  }

  function checkObject(node: Readonly<Record<string, unknown>>, rule: JsonSchema, path: (string | number)[]): void {
    for (const key of rule.required ?? []) {
      if (!Object.hasOwn(node, key)) report([...path, key], 'missing');
    }
    const known = rule.properties ?? {};
    for (const [key, child] of Object.entries(node)) {
      // Own properties only: a key such as __proto__ must not find Object.prototype as its rule.
      const childRule = Object.hasOwn(known, key) ? known[key] : undefined;
      if (childRule !== undefined) visit(child, childRule, [...path, key]);
      else if (rule.additionalProperties === false) {
        const allowed = Object.keys(known);
        report([...path, key], `unexpected property${allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ''}`);
      } else if (typeof rule.additionalProperties === 'object') visit(child, rule.additionalProperties, [...path, key]);
    }
  }

  function compiled(pattern: string): RegExp {
    let regex = patterns.get(pattern);
    if (regex === undefined) {
      regex = new RegExp(pattern, 'u');
      patterns.set(pattern, regex);
    }
    return regex;
  }

  function report(path: (string | number)[], message: string): void {
    problems.push({ path, message });
  }
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#/')) throw new Error(`Unsupported $ref ${ref}: only local references (#/...) are supported`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    node = isObject(node) ? node[part] : undefined;
    if (node === undefined) throw new Error(`Unresolved $ref ${ref}`);
  }
  return node as JsonSchema;
}

function matchesType(node: unknown, type: NonNullable<JsonSchema['type']>): boolean {
  const types: readonly string[] = typeof type === 'string' ? [type] : type;
  return types.some((t) => {
    switch (t) {
      case 'object':
        return isObject(node);
      case 'array':
        return Array.isArray(node);
      case 'integer':
        return Number.isInteger(node);
      case 'number':
        return typeof node === 'number' && Number.isFinite(node);
      default:
        return typeof node === t;
    }
  });
}

function typeName(type: NonNullable<JsonSchema['type']>): string {
  const types: readonly string[] = typeof type === 'string' ? [type] : type;
  return types.map((t) => (t === 'object' ? 'an object' : t === 'array' ? 'an array' : `a ${t}`)).join(' or ');
}

function describe(node: unknown): string {
  if (node === null) return 'null';
  if (Array.isArray(node)) return 'an array';
  if (typeof node === 'object') return 'an object';
  if (typeof node === 'string') return JSON.stringify(node.length > 40 ? `${node.slice(0, 40)}…` : node);
  return String(node);
}

export function isObject(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}
