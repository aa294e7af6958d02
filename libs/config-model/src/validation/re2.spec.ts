import { checkRe2 } from './re2';
import { didYouMean, editDistance, suggest } from './suggest';
import { hostProblem, isCIDR, isIP } from './common';

describe('checkRe2', () => {
  it.each(['.*Firefox.*', '^/api/v[0-9]+$', '(?i)firefox', '(?P<ver>v\\d)', '[[:alpha:]]+', 'a{2,3}', '[(?=]', '\\(?=x\\)', '(?i:abc)d', '[\\1]'])('accepts %s', (pattern) => {
    expect(checkRe2(pattern)).toBeUndefined();
  });
  it.each([
    ['a(?=b)', 'lookahead'],
    ['a(?!b)', 'lookahead'],
    ['(?<=a)b', 'lookbehind'],
    ['(?<!a)b', 'lookbehind'],
    ['(a)\\1', 'backreferences'],
    ['(?<n>a)\\k<n>', 'named backreferences'],
    ['(?>a)', 'atomic'],
    ['a*+', 'possessive'],
    ['a{2}+', 'possessive'],
    ['(unclosed', 'invalid regex'],
    ['[z-a]', 'invalid regex'],
    ['abc\\', 'trailing backslash'],
  ])('rejects %s', (pattern, message) => {
    expect(checkRe2(pattern)).toContain(message);
  });
});

describe('suggestions', () => {
  it('computes edit distance', () => {
    expect(editDistance('https', 'http')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('suggests close names and hints, best first', () => {
    expect(suggest('https', ['http', 'tls', 'tcp', 'hosts'], { https: 'tls' })).toEqual(['http', 'tls']);
    expect(suggest('jwks_uri', ['jwksUri', 'issuer'])).toEqual(['jwksUri']);
    expect(suggest('zzzzzz', ['http'])).toEqual([]);
    expect(didYouMean(['a', 'b', 'c'])).toBe('; did you mean "a", "b" or "c"?');
    expect(didYouMean([])).toBe('');
  });
});

describe('hosts and addresses', () => {
  it.each(['a', 'a.b.c', '*', '*.a.com', 'x-1.example.com', 'a.com.'])('host %s is valid', (host) => expect(hostProblem(host)).toBeUndefined());
  it.each(['', 'a..b', '-a.com', 'a*.com', 'a.*.com', 'a_b', `${'a'.repeat(64)}.com`])('host %j is invalid', (host) => expect(hostProblem(host)).toBeDefined());
  it('checks IPs and CIDRs', () => {
    expect(isIP('10.0.0.1')).toBe(true);
    expect(isIP('::1')).toBe(true);
    expect(isIP('2001:db8::8a2e:370:7334')).toBe(true);
    expect(isIP('::ffff:10.0.0.1')).toBe(true);
    expect(isIP('1:2:3:4:5:6:7:8:9')).toBe(false);
    expect(isIP('01.2.3.4')).toBe(false);
    expect(isCIDR('10.0.0.0/8')).toBe(true);
    expect(isCIDR('2001:db8::/32')).toBe(true);
    expect(isCIDR('10.0.0.0/33')).toBe(false);
  });
});
