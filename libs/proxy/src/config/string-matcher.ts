import type { RE2 } from 're2-wasm';
import { fail, rejectUnsupported } from './errors';

type Re2Module = typeof import('re2-wasm');
let re2Module: Re2Module | undefined;
/** re2-wasm reserves ~16 MB of WebAssembly memory when loaded: only configs with a regex pay for it. */
function re2(): Re2Module {
  re2Module ??= require('re2-wasm') as Re2Module;
  return re2Module;
}

/** A compiled predicate over a string value; compiled once when config arrives. */
export type StringPredicate = (value: string) => boolean;

interface RegexMatcherLike {
  readonly regex?: string;
  readonly google_re2?: unknown;
}

/**
 * Compiles an Envoy RE2 regex into a full-match predicate. RE2 (via re2-wasm) gives Envoy's semantics: linear time,
 * no backreferences or lookaround; a pattern RE2 refuses is a config error naming the field.
 */
export function compileRegex(matcher: RegexMatcherLike | null | undefined, path: string): StringPredicate {
  const source = matcher?.regex ?? '';
  let regex: RE2;
  try {
    regex = new (re2().RE2)(`^(?:${source})$`, 'u');
  } catch (error: unknown) {
    return fail(`${path}.regex`, `invalid RE2 regex ${JSON.stringify(source)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (value) => regex.test(value);
}

/** Compiles a regex used for substitution (regex_rewrite); returns a function applying it to every match. */
export function compileSubstitution(
  rewrite: { pattern?: RegexMatcherLike | null; substitution?: string } | null | undefined,
  path: string,
): ((value: string) => string) | undefined {
  if (!rewrite || !rewrite.pattern) return undefined;
  const source = rewrite.pattern.regex ?? '';
  let regex: RE2;
  try {
    regex = new (re2().RE2)(source, 'gu');
  } catch (error: unknown) {
    return fail(`${path}.pattern.regex`, `invalid RE2 regex: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Envoy writes capture groups as \1; JavaScript replacement strings use $1.
  const substitution = (rewrite.substitution ?? '').replace(/\\(\d)/g, '$$$1');
  return (value) => regex.replace(value, substitution);
}

export interface StringMatcherLike {
  readonly exact?: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly contains?: string;
  readonly safe_regex?: RegexMatcherLike | null;
  readonly ignore_case?: boolean;
  readonly match_pattern?: string;
}

/** envoy.type.matcher.v3.StringMatcher → predicate. */
export function compileStringMatcher(matcher: StringMatcherLike, path: string): StringPredicate {
  rejectUnsupported(matcher, path, ['exact', 'prefix', 'suffix', 'contains', 'safe_regex', 'ignore_case', 'match_pattern']);
  const ignoreCase = matcher.ignore_case === true;
  const norm = (value: string) => (ignoreCase ? value.toLowerCase() : value);
  switch (matcher.match_pattern) {
    case 'exact': {
      const expected = norm(matcher.exact ?? '');
      return ignoreCase ? (value) => value.toLowerCase() === expected : (value) => value === expected;
    }
    case 'prefix': {
      const expected = norm(matcher.prefix ?? '');
      return (value) => norm(value).startsWith(expected);
    }
    case 'suffix': {
      const expected = norm(matcher.suffix ?? '');
      return (value) => norm(value).endsWith(expected);
    }
    case 'contains': {
      const expected = norm(matcher.contains ?? '');
      return (value) => norm(value).includes(expected);
    }
    case 'safe_regex':
      return compileRegex(matcher.safe_regex, `${path}.safe_regex`);
    default:
      return fail(path, `string matcher ${matcher.match_pattern ?? '(empty)'} is not supported`);
  }
}
