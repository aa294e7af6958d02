/** AST of the Mixer configuration expression language (CEXL, a subset of Go expressions). */
export type Expression = Constant | Variable | Call | Index;

export interface Constant {
  readonly type: 'constant';
  readonly valueType: 'STRING' | 'INT64' | 'DOUBLE' | 'BOOL';
  readonly value: string | number | boolean;
  readonly position: number;
}

/** An attribute reference: `request.headers`, `source.labels`, `destination.service.host`. */
export interface Variable {
  readonly type: 'variable';
  readonly name: string;
  readonly position: number;
}

/**
 * A function or operator application. Operators use Istio's function names: EQ, NEQ, LOR, LAND, OR (`|`, first non-empty)
 * and NOT; receiver calls (`a.startsWith("x")`) put the receiver first in `args` and set `receiver`.
 */
export interface Call {
  readonly type: 'call';
  readonly fn: string;
  readonly args: readonly Expression[];
  readonly receiver: boolean;
  readonly position: number;
}

/** Map access: `request.headers["x-user"]`. */
export interface Index {
  readonly type: 'index';
  readonly target: Expression;
  readonly key: Expression;
  readonly position: number;
}

/** Functions Mixer 1.3 provides (reference §4), with their arity. */
export const EXPRESSION_FUNCTIONS: Readonly<Record<string, { readonly arity: number; readonly receiver: 'allowed' | 'no' }>> = {
  match: { arity: 2, receiver: 'no' },
  conditional: { arity: 3, receiver: 'no' },
  ip: { arity: 1, receiver: 'no' },
  timestamp: { arity: 1, receiver: 'no' },
  email: { arity: 1, receiver: 'no' },
  dnsName: { arity: 1, receiver: 'no' },
  uri: { arity: 1, receiver: 'no' },
  startsWith: { arity: 2, receiver: 'allowed' },
  endsWith: { arity: 2, receiver: 'allowed' },
  matches: { arity: 2, receiver: 'allowed' },
  toLower: { arity: 1, receiver: 'no' },
  size: { arity: 1, receiver: 'no' },
  emptyStringMap: { arity: 0, receiver: 'no' },
};

/** Prints an expression back in CEXL syntax (fully parenthesised binary operators). */
export function printExpression(expression: Expression): string {
  switch (expression.type) {
    case 'constant':
      return typeof expression.value === 'string' ? JSON.stringify(expression.value) : String(expression.value);
    case 'variable':
      return expression.name;
    case 'index':
      return `${printExpression(expression.target)}[${printExpression(expression.key)}]`;
    case 'call': {
      const binary: Record<string, string> = { EQ: '==', NEQ: '!=', LOR: '||', LAND: '&&', OR: '|' };
      const operator = binary[expression.fn];
      if (operator) return `(${printExpression(expression.args[0])} ${operator} ${printExpression(expression.args[1])})`;
      if (expression.fn === 'NOT') return `!${printExpression(expression.args[0])}`;
      if (expression.receiver) {
        const [target, ...rest] = expression.args;
        return `${printExpression(target)}.${expression.fn}(${rest.map(printExpression).join(', ')})`;
      }
      return `${expression.fn}(${expression.args.map(printExpression).join(', ')})`;
    }
  }
}
