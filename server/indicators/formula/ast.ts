/**
 * The formula syntax tree after validation: only the constructs of the formula language survive
 * (numbers, variables, operators, conditionals and whitelisted function calls). `start` is the
 * 0-based offset of the node in the source, kept for error messages.
 */
import type { FunctionName } from './functions.js';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '^';
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicalOperator = '&&' | '||';
export type UnaryOperator = '-' | '!';

export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number; readonly start: number }
  | { readonly kind: 'variable'; readonly name: string; readonly start: number }
  | {
      readonly kind: 'unary';
      readonly operator: UnaryOperator;
      readonly operand: FormulaNode;
      readonly start: number;
    }
  | {
      readonly kind: 'binary';
      readonly operator: ArithmeticOperator | ComparisonOperator;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly start: number;
    }
  | {
      readonly kind: 'logical';
      readonly operator: LogicalOperator;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly start: number;
    }
  | {
      readonly kind: 'conditional';
      readonly test: FormulaNode;
      readonly whenTrue: FormulaNode;
      readonly whenFalse: FormulaNode;
      readonly start: number;
    }
  | {
      readonly kind: 'call';
      readonly name: FunctionName;
      readonly args: readonly FormulaNode[];
      readonly start: number;
    };

/** Every variable the tree reads, sorted and unique. */
export function variablesOf(node: FormulaNode): string[] {
  const names = new Set<string>();
  const visit = (n: FormulaNode): void => {
    switch (n.kind) {
      case 'number':
        return;
      case 'variable':
        names.add(n.name);
        return;
      case 'unary':
        visit(n.operand);
        return;
      case 'binary':
      case 'logical':
        visit(n.left);
        visit(n.right);
        return;
      case 'conditional':
        visit(n.test);
        visit(n.whenTrue);
        visit(n.whenFalse);
        return;
      case 'call':
        n.args.forEach(visit);
        return;
    }
  };
  visit(node);
  return [...names].sort();
}
