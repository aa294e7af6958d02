import type { HeaderMatcher__Output, QueryParameterMatcher__Output, RouteMatch__Output } from '@isthmus/protos';
import { fail, rejectUnsupported } from './errors';
import { compileRegex, compileStringMatcher, type StringPredicate } from './string-matcher';
import type { HeaderMap, HeaderPredicate, RequestView } from './types';
import { wrapped } from './values';

/** Reads a header the way Envoy's matchers see it: pseudo-headers included, repeated values joined with commas. */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
  let value = headers[name];
  if (value === undefined && name === ':authority') value = headers['host'];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : value;
}

export function compileHeaderMatcher(matcher: HeaderMatcher__Output, path: string): HeaderPredicate {
  rejectUnsupported(matcher, path, [
    'name', 'exact_match', 'range_match', 'present_match', 'invert_match', 'prefix_match', 'suffix_match',
    'safe_regex_match', 'contains_match', 'string_match', 'treat_missing_header_as_empty', 'header_match_specifier',
  ]);
  const name = matcher.name.toLowerCase();
  const invert = matcher.invert_match;
  const missingAsEmpty = matcher.treat_missing_header_as_empty;
  let test: StringPredicate;
  switch (matcher.header_match_specifier) {
    case undefined:
    case 'present_match': {
      const wantPresent = matcher.header_match_specifier === undefined ? true : matcher.present_match !== false;
      return (headers) => (headerValue(headers, name) !== undefined) === wantPresent !== invert;
    }
    case 'exact_match': {
      const expected = matcher.exact_match ?? '';
      test = (value) => value === expected;
      break;
    }
    case 'prefix_match': {
      const expected = matcher.prefix_match ?? '';
      test = (value) => value.startsWith(expected);
      break;
    }
    case 'suffix_match': {
      const expected = matcher.suffix_match ?? '';
      test = (value) => value.endsWith(expected);
      break;
    }
    case 'contains_match': {
      const expected = matcher.contains_match ?? '';
      test = (value) => value.includes(expected);
      break;
    }
    case 'safe_regex_match':
      test = compileRegex(matcher.safe_regex_match, `${path}.safe_regex_match`);
      break;
    case 'string_match':
      test = compileStringMatcher(matcher.string_match ?? {}, `${path}.string_match`);
      break;
    case 'range_match': {
      const start = Number(matcher.range_match?.start ?? 0);
      const end = Number(matcher.range_match?.end ?? 0);
      test = (value) => /^-?\d+$/.test(value) && Number(value) >= start && Number(value) < end;
      break;
    }
    default:
      return fail(path, `header match ${String(matcher.header_match_specifier)} is not supported`);
  }
  return (headers) => {
    let value = headerValue(headers, name);
    if (value === undefined) {
      if (!missingAsEmpty) return false;
      value = '';
    }
    return test(value) !== invert;
  };
}

function compileQueryMatcher(matcher: QueryParameterMatcher__Output, path: string): (query: URLSearchParams) => boolean {
  rejectUnsupported(matcher, path, ['name', 'string_match', 'present_match', 'query_parameter_match_specifier']);
  const name = matcher.name;
  if (matcher.query_parameter_match_specifier === 'string_match') {
    const test = compileStringMatcher(matcher.string_match ?? {}, `${path}.string_match`);
    return (query) => {
      const value = query.get(name);
      return value !== null && test(value);
    };
  }
  return (query) => query.has(name);
}

export interface CompiledMatch {
  readonly matches: (request: RequestView) => boolean;
  readonly prefix?: string;
}

/** envoy.config.route.v3.RouteMatch → one predicate that checks path, headers, query parameters and gRPC. */
export function compileRouteMatch(match: RouteMatch__Output | null, path: string): CompiledMatch {
  if (!match) return fail(path, 'match is required');
  rejectUnsupported(match, path, ['prefix', 'path', 'safe_regex', 'path_separated_prefix', 'case_sensitive', 'headers', 'query_parameters', 'grpc']);
  const caseSensitive = wrapped(match.case_sensitive, true);
  const fold = (value: string) => (caseSensitive ? value : value.toLowerCase());
  let pathTest: (request: RequestView) => boolean;
  let prefix: string | undefined;
  switch (match.path_specifier) {
    case 'prefix': {
      prefix = match.prefix ?? '';
      const expected = fold(prefix);
      // Envoy compares a prefix with the whole :path (query included); "/" matches everything.
      pathTest = expected === '/' || expected === '' ? () => true : (request) => fold(request.path).startsWith(expected);
      break;
    }
    case 'path': {
      const expected = fold(match.path ?? '');
      pathTest = caseSensitive ? (request) => request.pathOnly === expected : (request) => request.pathOnly.toLowerCase() === expected;
      break;
    }
    case 'path_separated_prefix': {
      prefix = match.path_separated_prefix ?? '';
      const expected = fold(prefix);
      pathTest = (request) => {
        const value = fold(request.pathOnly);
        return value === expected || value.startsWith(`${expected}/`);
      };
      break;
    }
    case 'safe_regex': {
      const test = compileRegex(match.safe_regex, `${path}.safe_regex`);
      pathTest = (request) => test(request.pathOnly);
      break;
    }
    default:
      return fail(path, `path specifier ${String(match.path_specifier)} is not supported`);
  }
  const headerTests = match.headers.map((header, index) => compileHeaderMatcher(header, `${path}.headers[${index}]`));
  const queryTests = match.query_parameters.map((query, index) => compileQueryMatcher(query, `${path}.query_parameters[${index}]`));
  const grpcOnly = match.grpc !== null;
  if (headerTests.length === 0 && queryTests.length === 0 && !grpcOnly) return { matches: pathTest, prefix };
  return {
    prefix,
    matches: (request) => {
      if (!pathTest(request)) return false;
      if (grpcOnly && !String(request.headers['content-type'] ?? '').startsWith('application/grpc')) return false;
      for (const test of headerTests) if (!test(request.headers)) return false;
      if (queryTests.length > 0) {
        const query = new URLSearchParams(request.query);
        for (const test of queryTests) if (!test(query)) return false;
      }
      return true;
    },
  };
}
