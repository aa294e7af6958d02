/**
 * RE2 syntax check: RE2 (Envoy, Go) has no lookaround, backreferences, atomic groups or possessive quantifiers. Those
 * are rejected with a message; the rest is checked by translating RE2-only syntax ((?P<name>, inline flags) and
 * compiling with the JS engine. Returns a message, or undefined when the pattern is acceptable.
 */
export function checkRe2(pattern: string): string | undefined {
  const quoted = JSON.stringify(pattern);
  let inClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      const next = pattern[index + 1];
      if (next === undefined) return `invalid regex ${quoted}: trailing backslash`;
      if (!inClass && /[1-9]/.test(next)) return `invalid regex ${quoted}: backreferences (\\${next}) are not supported by RE2`;
      if (!inClass && next === 'k' && pattern[index + 2] === '<') return `invalid regex ${quoted}: named backreferences (\\k<...>) are not supported by RE2`;
      index++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') {
      inClass = true;
      if (pattern[index + 1] === '^') index++;
      if (pattern[index + 1] === ']') index++; // a leading ] is literal
      continue;
    }
    if (char === '(' && pattern[index + 1] === '?') {
      const rest = pattern.slice(index + 2, index + 5);
      if (rest.startsWith('=') || rest.startsWith('!')) return `invalid regex ${quoted}: lookahead (?${rest[0]} is not supported by RE2`;
      if (rest.startsWith('<=') || rest.startsWith('<!')) return `invalid regex ${quoted}: lookbehind (?${rest.slice(0, 2)} is not supported by RE2`;
      if (rest.startsWith('>')) return `invalid regex ${quoted}: atomic groups (?> are not supported by RE2`;
    }
    if ((char === '*' || char === '+' || char === '?' || char === '}') && pattern[index + 1] === '+') {
      return `invalid regex ${quoted}: possessive quantifiers (${char}+) are not supported by RE2`;
    }
  }
  try {
    new RegExp(toJsSyntax(pattern));
  } catch (error) {
    return `invalid regex ${quoted}: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error)}`;
  }
  return undefined;
}

/** RE2 → JS: `(?P<n>` → `(?<n>`; inline flag groups `(?i)` dropped and `(?i:` → `(?:` (flags don't change syntax). */
function toJsSyntax(pattern: string): string {
  return pattern.replace(/\(\?P</g, '(?<').replace(/\(\?[imsU-]+\)/g, '').replace(/\(\?[imsU-]+:/g, '(?:');
}
