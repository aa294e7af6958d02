import { printExpression } from './ast';
import { parseExpression } from './parser';

function print(source: string): string {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(result.error);
  return printExpression(result.expression);
}

describe('Mixer expression parser', () => {
  it.each([
    ['request.size == 200', '(request.size == 200)'],
    ['a || b && c', '(a || (b && c))'],
    ['(a || b) && c', '((a || b) && c)'],
    ['a == b || c != d', '((a == b) || (c != d))'],
    ['source.labels["app"] | source.labels["svc"] | "unknown"', '((source.labels["app"] | source.labels["svc"]) | "unknown")'],
    ['x | "a" == "a"', '((x | "a") == "a")'],
    ['!connection.mtls', '!connection.mtls'],
    ['match(destination.service.host, "*.ns.svc.cluster.local")', 'match(destination.service.host, "*.ns.svc.cluster.local")'],
    ['destination.service.host.startsWith("acme")', 'destination.service.host.startsWith("acme")'],
    ['"svc.*".matches(destination.service.host)', '"svc.*".matches(destination.service.host)'],
    ['request.headers["x-user"].endsWith("@x.com")', 'request.headers["x-user"].endsWith("@x.com")'],
    ['conditional(response.code == 200, "ok", "err")', 'conditional((response.code == 200), "ok", "err")'],
    ['ip("10.0.0.1") == source.ip', '(ip("10.0.0.1") == source.ip)'],
    ['timestamp("2015-01-02T15:04:35Z")', 'timestamp("2015-01-02T15:04:35Z")'],
    ['emptyStringMap()', 'emptyStringMap()'],
    ['size(request.headers) == 0', '(size(request.headers) == 0)'],
    ['toLower(request.method) == "get"', '(toLower(request.method) == "get")'],
    ['response.duration | "0ms"', '(response.duration | "0ms")'],
    ['1.5 == -2', '(1.5 == -2)'],
    ['true && false', '(true && false)'],
    ['`raw\\n` == "a\\tb"', '("raw\\\\n" == "a\\tb")'],
    ['$out.source_pod_uid | "unknown"', '($out.source_pod_uid | "unknown")'],
  ])('parses %s', (source, printed) => {
    expect(print(source)).toBe(printed);
  });

  it('builds an AST with operator function names and positions', () => {
    const result = parseExpression('a.b == "x"');
    expect(result).toEqual({
      ok: true,
      expression: {
        type: 'call',
        fn: 'EQ',
        receiver: false,
        position: 4,
        args: [
          { type: 'variable', name: 'a.b', position: 0 },
          { type: 'constant', valueType: 'STRING', value: 'x', position: 7 },
        ],
      },
    });
  });

  it.each([
    ['', 'empty expression'],
    ['a ==', 'unexpected end of expression'],
    ['a > b', 'operator ">" is not supported'],
    ['a + 1', 'operator "+" is not supported'],
    ['foo(a)', 'unknown function "foo"'],
    ['ip("a", "b")', 'takes 1 argument(s)'],
    ['a.ip("x")', 'cannot be called on a receiver'],
    ['"abc', 'string literal not terminated'],
    ["'abc'", 'single quotes'],
    ['a[', 'unexpected end'],
    ['(a', 'expected ")"'],
    ['a b', 'unexpected "b"'],
    ['"\\q"', 'unknown escape'],
    ['a.("x")', 'expected a name'],
    ['#', 'unexpected character'],
    ['"x".y', 'can only follow an attribute name'],
  ])('rejects %j', (source, message) => {
    const result = parseExpression(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});
