/**
 * Parser of Mixer's expression language: Go expression syntax restricted to the operators `==`, `!=`, `||`, `&&`, `!`,
 * `|` (first non-empty) and `[]` (map index), function calls from EXPRESSION_FUNCTIONS (plain or receiver style:
 * `destination.service.host.startsWith("x")`), literals and dotted attribute names. Precedence is Go's:
 * `||` < `&&` < `==`/`!=` < `|` < unary.
 */
import { Call, Expression, EXPRESSION_FUNCTIONS } from './ast';
import { ExpressionSyntaxError, Token, tokenize } from './lexer';

export type ParseExpressionResult = { ok: true; expression: Expression } | { ok: false; error: string; position: number };

export function parseExpression(source: string): ParseExpressionResult {
  try {
    const parser = new Parser(tokenize(source));
    const expression = parser.parseTop();
    return { ok: true, expression };
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return { ok: false, error: error.message, position: error.position };
    throw error;
  }
}

const BINARY_LEVELS: readonly (Readonly<Record<string, string>>)[] = [{ '||': 'LOR' }, { '&&': 'LAND' }, { '==': 'EQ', '!=': 'NEQ' }, { '|': 'OR' }];
const UNSUPPORTED = new Set(['<', '>', '<=', '>=', '+', '-', '*', '/', '%', '&', '^', '<<', '>>', '&^']);

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseTop(): Expression {
    if (this.peek().type === 'eof') throw new ExpressionSyntaxError('empty expression', 0);
    const expression = this.parseBinary(0);
    const next = this.peek();
    if (next.type !== 'eof') throw this.unexpected(next);
    return expression;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private advance(): Token {
    return this.tokens[this.index++];
  }

  private expectOp(text: string): Token {
    const token = this.advance();
    if (token.type !== 'op' || token.text !== text) throw new ExpressionSyntaxError(`expected "${text}", found ${describe(token)}`, token.position);
    return token;
  }

  private unexpected(token: Token): ExpressionSyntaxError {
    if (token.type === 'op' && UNSUPPORTED.has(token.text)) {
      return new ExpressionSyntaxError(`operator "${token.text}" is not supported (use ==, !=, ||, &&, !, | or [])`, token.position);
    }
    return new ExpressionSyntaxError(`unexpected ${describe(token)}`, token.position);
  }

  private parseBinary(level: number): Expression {
    if (level >= BINARY_LEVELS.length) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const token = this.peek();
      const fn = token.type === 'op' ? BINARY_LEVELS[level][token.text] : undefined;
      if (fn === undefined) return left;
      this.advance();
      const right = this.parseBinary(level + 1);
      left = { type: 'call', fn, args: [left, right], receiver: false, position: token.position };
    }
  }

  private parseUnary(): Expression {
    const token = this.peek();
    if (token.type === 'op' && token.text === '!') {
      this.advance();
      return { type: 'call', fn: 'NOT', args: [this.parseUnary()], receiver: false, position: token.position };
    }
    if (token.type === 'op' && token.text === '-') {
      const next = this.tokens[this.index + 1];
      if (next.type === 'int' || next.type === 'float') {
        this.advance();
        const literal = this.parsePostfix();
        if (literal.type === 'constant' && typeof literal.value === 'number') return { ...literal, value: -literal.value, position: token.position };
      }
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Expression {
    let expression = this.parsePrimary();
    for (;;) {
      const token = this.peek();
      if (token.type !== 'op') return expression;
      if (token.text === '.') {
        this.advance();
        const name = this.advance();
        if (name.type !== 'ident') throw new ExpressionSyntaxError(`expected a name after ".", found ${describe(name)}`, name.position);
        const after = this.peek();
        if (after.type === 'op' && after.text === '(') {
          expression = this.finishCall(name, [expression], true);
        } else if (expression.type === 'variable') {
          expression = { ...expression, name: `${expression.name}.${name.text}` };
        } else {
          throw new ExpressionSyntaxError(`".${name.text}" can only follow an attribute name`, name.position);
        }
      } else if (token.text === '[') {
        this.advance();
        const keyExpression = this.parseBinary(0);
        this.expectOp(']');
        expression = { type: 'index', target: expression, key: keyExpression, position: token.position };
      } else if (token.text === '(') {
        if (expression.type !== 'variable' || expression.name.includes('.')) throw new ExpressionSyntaxError('only functions can be called', token.position);
        expression = this.finishCall({ type: 'ident', text: expression.name, position: expression.position }, [], false);
      } else {
        return expression;
      }
    }
  }

  private finishCall(name: Token, leading: Expression[], receiver: boolean): Call {
    this.expectOp('(');
    const args = [...leading];
    if (!(this.peek().type === 'op' && this.peek().text === ')')) {
      for (;;) {
        args.push(this.parseBinary(0));
        const token = this.peek();
        if (token.type === 'op' && token.text === ',') {
          this.advance();
          continue;
        }
        break;
      }
    }
    this.expectOp(')');
    const spec = EXPRESSION_FUNCTIONS[name.text];
    if (!spec) {
      throw new ExpressionSyntaxError(`unknown function "${name.text}" (supported: ${Object.keys(EXPRESSION_FUNCTIONS).join(', ')})`, name.position);
    }
    if (receiver && spec.receiver === 'no') throw new ExpressionSyntaxError(`function "${name.text}" cannot be called on a receiver`, name.position);
    if (args.length !== spec.arity) {
      throw new ExpressionSyntaxError(`function "${name.text}" takes ${spec.arity} argument(s), got ${args.length}`, name.position);
    }
    return { type: 'call', fn: name.text, args, receiver, position: name.position };
  }

  private parsePrimary(): Expression {
    const token = this.advance();
    switch (token.type) {
      case 'ident':
        if (token.text === 'true' || token.text === 'false') return { type: 'constant', valueType: 'BOOL', value: token.text === 'true', position: token.position };
        return { type: 'variable', name: token.text, position: token.position };
      case 'string':
        return { type: 'constant', valueType: 'STRING', value: token.value ?? '', position: token.position };
      case 'int':
        return { type: 'constant', valueType: 'INT64', value: Number(token.text), position: token.position };
      case 'float':
        return { type: 'constant', valueType: 'DOUBLE', value: Number(token.text), position: token.position };
      case 'op':
        if (token.text === '(') {
          const inner = this.parseBinary(0);
          this.expectOp(')');
          return inner;
        }
        throw this.unexpected(token);
      case 'eof':
        throw new ExpressionSyntaxError('unexpected end of expression', token.position);
    }
  }
}

function describe(token: Token): string {
  return token.type === 'eof' ? 'end of expression' : `"${token.text}"`;
}
