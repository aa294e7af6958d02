/** Tokens of CEXL (Go expression syntax). Unsupported Go operators are lexed so the parser can name them. */
export type TokenType = 'ident' | 'string' | 'int' | 'float' | 'op' | 'eof';

export interface Token {
  readonly type: TokenType;
  readonly text: string;
  /** Decoded value of string literals. */
  readonly value?: string;
  readonly position: number;
}

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const OPERATORS = ['==', '!=', '||', '&&', '<=', '>=', '<<', '>>', '&^', '|', '!', '(', ')', '[', ']', ',', '.', '<', '>', '+', '-', '*', '/', '%', '&', '^', '=', '{', '}', ':', ';'];
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    const start = index;
    if (/[A-Za-z_$]/.test(char)) {
      while (index < source.length && /[A-Za-z0-9_$]/.test(source[index])) index++;
      tokens.push({ type: 'ident', text: source.slice(start, index), position: start });
      continue;
    }
    if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(source[index + 1] ?? ''))) {
      const match = /^(0[xX][0-9a-fA-F]+|\d*\.\d+(?:[eE][+-]?\d+)?|\d+\.(?:\d*(?:[eE][+-]?\d+)?)?|\d+[eE][+-]?\d+|\d+)/.exec(source.slice(index));
      const text = match ? match[0] : char;
      index += text.length;
      const isFloat = /[.eE]/.test(text) && !/^0[xX]/.test(text);
      tokens.push({ type: isFloat ? 'float' : 'int', text, position: start });
      continue;
    }
    if (char === '"') {
      index++;
      let value = '';
      for (;;) {
        if (index >= source.length || source[index] === '\n') throw new ExpressionSyntaxError('string literal not terminated', start);
        const next = source[index];
        if (next === '"') break;
        if (next === '\\') {
          const escaped = source[index + 1];
          const decoded = escaped !== undefined ? ESCAPES[escaped] : undefined;
          if (decoded === undefined) throw new ExpressionSyntaxError(`unknown escape sequence \\${escaped ?? ''}`, index);
          value += decoded;
          index += 2;
          continue;
        }
        value += next;
        index++;
      }
      index++;
      tokens.push({ type: 'string', text: source.slice(start, index), value, position: start });
      continue;
    }
    if (char === '`') {
      const end = source.indexOf('`', index + 1);
      if (end < 0) throw new ExpressionSyntaxError('raw string literal not terminated', start);
      tokens.push({ type: 'string', text: source.slice(start, end + 1), value: source.slice(start + 1, end), position: start });
      index = end + 1;
      continue;
    }
    if (char === "'") throw new ExpressionSyntaxError(`single quotes are not string delimiters; use "..."`, start);
    const operator = OPERATORS.find((candidate) => source.startsWith(candidate, index));
    if (!operator) throw new ExpressionSyntaxError(`unexpected character ${JSON.stringify(char)}`, start);
    tokens.push({ type: 'op', text: operator, position: start });
    index += operator.length;
  }
  tokens.push({ type: 'eof', text: '', position: source.length });
  return tokens;
}
