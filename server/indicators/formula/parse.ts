/**
 * Parses formula text into a validated syntax tree with jsep, a maintained expression parser.
 * jsep is configured once, here, for the formula language: the operators `+ - * / ^` (`^` binds
 * tighter than `*` and is right-associative), comparisons, `&&`, `||`, unary `-` and `!`, the
 * conditional `c ? a : b`, and calls of the whitelisted functions. Strings, arrays, `this`,
 * `true`/`false`/`null` and property access are rejected with a FormulaError naming the column.
 *
 * jsep keeps its configuration globally; nothing else in Zhili uses jsep.
 *
 * @example parseFormula('a / b * 100').kind === 'binary'
 */
import jsep from 'jsep';
import type { FormulaNode, ArithmeticOperator, ComparisonOperator, LogicalOperator } from './ast.js';
import { FORMULA_FUNCTIONS, isFunctionName } from './functions.js';
import { FormulaError } from './formula-error.js';

/** Longest formula accepted: formulas are one-line expressions, not programs. */
export const MAX_FORMULA_LENGTH = 2000;
/** Deepest nesting accepted, so that evaluation can never exhaust the stack. */
export const MAX_FORMULA_DEPTH = 100;

const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const RESERVED_WORDS = new Set(['true', 'false', 'null', 'undefined', 'this', 'NaN', 'Infinity']);

const ARITHMETIC: ReadonlySet<string> = new Set<ArithmeticOperator>(['+', '-', '*', '/', '^']);
const COMPARISON: ReadonlySet<string> = new Set<ComparisonOperator>(['<', '<=', '>', '>=', '==', '!=']);
const LOGICAL: ReadonlySet<string> = new Set<LogicalOperator>(['&&', '||']);

const OPEN_PAREN = 40;
const PERIOD = 46;
const GROUP = 'GroupExpression';

/** Start offsets of the tokens being read, innermost last (jsep does not record positions). */
const tokenStarts: number[] = [];

function configureJsep(): void {
  jsep.removeAllBinaryOps();
  const precedences: [string, number][] = [
    ['||', 1],
    ['&&', 2],
    ['==', 6],
    ['!=', 6],
    ['<', 7],
    ['<=', 7],
    ['>', 7],
    ['>=', 7],
    ['+', 9],
    ['-', 9],
    ['*', 10],
    ['/', 10],
  ];
  for (const [operator, precedence] of precedences) jsep.addBinaryOp(operator, precedence);
  jsep.addBinaryOp('^', 11, true);
  jsep.removeAllUnaryOps();
  jsep.addUnaryOp('-');
  jsep.addUnaryOp('!');
  jsep.removeAllLiterals();
  jsep.removeIdentifierChar('$');
  jsep.hooks.add('gobble-token', function recordStartAndMarkGroups(env) {
    tokenStarts.push(this.index);
    if (this.code === OPEN_PAREN) {
      // Keep parentheses in the tree so that `-a ^ b` can be told apart from `(-a) ^ b`.
      const inner = this.gobbleGroup() as jsep.Expression | false;
      if (inner === false) this.throwError('empty parentheses');
      env.node = { type: GROUP, expression: inner };
    } else if (this.code === PERIOD || (this.code >= 48 && this.code <= 57)) {
      // Numbers skip jsep's after-token hook; reading them here keeps tokenStarts balanced.
      const literal = this.gobbleNumericLiteral();
      if (literal !== undefined) env.node = literal;
    }
  });
  jsep.hooks.add('after-token', function recordEnd(env) {
    const start = tokenStarts.pop();
    if (env.node && start !== undefined) env.node.start = start;
  });
}

configureJsep();

function startOf(node: jsep.Expression): number {
  if (typeof node.start === 'number') return node.start;
  const first = node.left ?? node.test ?? node.callee ?? node.object;
  return first !== undefined && typeof first === 'object' && first !== null && 'type' in first
    ? startOf(first as jsep.Expression)
    : 0;
}

function child(node: jsep.Expression, key: string): jsep.Expression {
  const value = node[key];
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('type' in value)) {
    throw new TypeError(`jsep node ${node.type} has no ${key}`);
  }
  return value;
}

function children(node: jsep.Expression, key: string): jsep.Expression[] {
  const value = node[key];
  if (!Array.isArray(value)) throw new TypeError(`jsep node ${node.type} has no ${key} list`);
  return value as jsep.Expression[];
}

/** A string field of a jsep node ('' when absent). */
function text(node: jsep.Expression, key: string): string {
  const value = node[key];
  return typeof value === 'string' ? value : '';
}

function describe(node: jsep.Expression): string {
  switch (node.type) {
    case 'MemberExpression':
      return 'property access';
    case 'ArrayExpression':
      return 'an array';
    case 'ThisExpression':
      return '"this"';
    default:
      return node.type;
  }
}

function convert(node: jsep.Expression, source: string, depth: number): FormulaNode {
  const start = startOf(node);
  const fail = (reason: string, at = start): never => {
    throw new FormulaError(reason, at, source);
  };
  if (depth > MAX_FORMULA_DEPTH) fail(`nested deeper than ${MAX_FORMULA_DEPTH} levels`);
  switch (node.type) {
    case GROUP:
      return convert(child(node, 'expression'), source, depth + 1);
    case 'Literal': {
      const value = node.value;
      if (typeof value !== 'number') return fail('only numbers are allowed, not text');
      if (!Number.isFinite(value)) return fail(`the number ${text(node, 'raw')} is too large`);
      return { kind: 'number', value, start };
    }
    case 'Identifier': {
      const name = text(node, 'name');
      if (isFunctionName(name))
        return fail(`"${name}" is a function: call it as ${FORMULA_FUNCTIONS[name].usage}`);
      if (RESERVED_WORDS.has(name))
        return fail(`"${name}" is not allowed: use numbers (true is 1, false is 0)`);
      if (!VARIABLE_NAME.test(name))
        return fail(`"${name}" is not a valid variable name (letters, digits, _)`);
      return { kind: 'variable', name, start };
    }
    case 'UnaryExpression': {
      const operator = text(node, 'operator');
      if (operator !== '-' && operator !== '!') return fail(`unknown operator "${operator}"`);
      return { kind: 'unary', operator, operand: convert(child(node, 'argument'), source, depth + 1), start };
    }
    case 'BinaryExpression': {
      const operator = text(node, 'operator');
      const leftNode = child(node, 'left');
      if (operator === '^' && leftNode.type === 'UnaryExpression') {
        fail('a sign before a power is ambiguous: write -(a ^ b) or (-a) ^ b', startOf(leftNode));
      }
      const left = convert(leftNode, source, depth + 1);
      const right = convert(child(node, 'right'), source, depth + 1);
      if (ARITHMETIC.has(operator) || COMPARISON.has(operator)) {
        return {
          kind: 'binary',
          operator: operator as ArithmeticOperator | ComparisonOperator,
          left,
          right,
          start,
        };
      }
      if (LOGICAL.has(operator))
        return { kind: 'logical', operator: operator as LogicalOperator, left, right, start };
      return fail(`unknown operator "${operator}"`);
    }
    case 'ConditionalExpression':
      return {
        kind: 'conditional',
        test: convert(child(node, 'test'), source, depth + 1),
        whenTrue: convert(child(node, 'consequent'), source, depth + 1),
        whenFalse: convert(child(node, 'alternate'), source, depth + 1),
        start,
      };
    case 'CallExpression': {
      const callee = child(node, 'callee');
      const name = callee.type === 'Identifier' ? text(callee, 'name') : '';
      if (!isFunctionName(name)) {
        return fail(name === '' ? 'only the listed functions can be called' : `unknown function "${name}"`);
      }
      const spec = FORMULA_FUNCTIONS[name];
      const args = children(node, 'arguments');
      if (args.length < spec.minArgs || args.length > spec.maxArgs) {
        fail(`${name} takes ${spec.usage}, not ${args.length} argument${args.length === 1 ? '' : 's'}`);
      }
      return { kind: 'call', name, args: args.map((arg) => convert(arg, source, depth + 1)), start };
    }
    case 'Compound': {
      const body = children(node, 'body');
      const second = body[1];
      if (second === undefined) return fail('the formula is empty');
      return fail('an operator is missing between two values', startOf(second));
    }
    case 'SequenceExpression':
      return fail('a comma list is only allowed between the arguments of a function');
    default:
      return fail(`${describe(node)} is not allowed in a formula`);
  }
}

/** Parses and validates `source`; throws FormulaError (with the column) on anything outside the language. */
export function parseFormula(source: string): FormulaNode {
  if (source.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(`longer than ${MAX_FORMULA_LENGTH} characters`, MAX_FORMULA_LENGTH, source);
  }
  if (source.trim() === '') throw new FormulaError('the formula is empty', 0, source);
  tokenStarts.length = 0;
  let tree: jsep.Expression;
  try {
    tree = jsep(source);
  } catch (error) {
    if (error instanceof RangeError) throw new FormulaError('nested too deeply', 0, source);
    const parseError = error as { description?: unknown; index?: unknown };
    const reason = typeof parseError.description === 'string' ? parseError.description : String(error);
    const index = typeof parseError.index === 'number' ? parseError.index : 0;
    throw new FormulaError(reason, Math.min(index, source.length), source);
  }
  return convert(tree, source, 0);
}
