import { fromStruct, type AccessLog__Output, type FileAccessLog__Output, type JsonValue } from '@isthmus/protos';
import { fail, rejectUnsupported } from './errors';
import { headerValue } from './route-match';
import { unpackTyped } from './tls-config';
import type { AccessLogConfig, AccessLogEntry } from './types';

export const FILE_ACCESS_LOG_TYPE = 'envoy.extensions.access_loggers.file.v3.FileAccessLog';
export const STDOUT_ACCESS_LOG_TYPE = 'envoy.extensions.access_loggers.stream.v3.StdoutAccessLog';

/** Envoy's default text format (what Istio 1.3 uses when meshConfig.accessLogFormat is empty, less Mixer metadata). */
export const DEFAULT_ACCESS_LOG_FORMAT =
  '[%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE% %RESPONSE_FLAGS% ' +
  '%BYTES_RECEIVED% %BYTES_SENT% %DURATION% %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" ' +
  '"%REQ(USER-AGENT)%" "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%" %UPSTREAM_CLUSTER% ' +
  '%DOWNSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_REMOTE_ADDRESS% %REQUESTED_SERVER_NAME% %ROUTE_NAME%\n';

type Field = (entry: AccessLogEntry) => string | number | undefined;

const dash = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

const SIMPLE_OPERATORS: Record<string, Field> = {
  START_TIME: (entry) => new Date(entry.startTime).toISOString(),
  PROTOCOL: (entry) => entry.protocol,
  RESPONSE_CODE: (entry) => entry.responseCode,
  RESPONSE_FLAGS: (entry) => dash(entry.responseFlags),
  BYTES_RECEIVED: (entry) => entry.bytesReceived,
  BYTES_SENT: (entry) => entry.bytesSent,
  DURATION: (entry) => entry.durationMs,
  RESPONSE_DURATION: (entry) => (entry.upstreamServiceTimeMs >= 0 ? entry.upstreamServiceTimeMs : undefined),
  UPSTREAM_HOST: (entry) => dash(entry.upstreamHost),
  UPSTREAM_CLUSTER: (entry) => dash(entry.upstreamCluster),
  UPSTREAM_LOCAL_ADDRESS: () => undefined,
  UPSTREAM_TRANSPORT_FAILURE_REASON: () => undefined,
  DOWNSTREAM_LOCAL_ADDRESS: (entry) => dash(entry.downstreamLocal),
  DOWNSTREAM_REMOTE_ADDRESS: (entry) => dash(entry.downstreamRemote),
  DOWNSTREAM_REMOTE_ADDRESS_WITHOUT_PORT: (entry) => dash(entry.downstreamRemote.replace(/:\d+$/, '')),
  REQUESTED_SERVER_NAME: (entry) => dash(entry.requestedServerName),
  ROUTE_NAME: (entry) => dash(entry.routeName),
};

function headerField(spec: string, pick: (entry: AccessLogEntry) => AccessLogEntry['requestHeaders']): Field {
  const [names, maxLength] = spec.split(/\):?/);
  const [main, alternative] = names.split('?').map((name) => name.toLowerCase());
  const limit = maxLength ? Number(maxLength) : 0;
  return (entry) => {
    const headers = pick(entry);
    let value = main === ':method' ? entry.method : main === ':path' ? entry.path : headerValue(headers, main);
    if (value === undefined && alternative) value = alternative === ':path' ? entry.path : headerValue(headers, alternative);
    if (value !== undefined && limit > 0) value = value.slice(0, limit);
    return dash(value);
  };
}

/** Compiles one %OPERATOR% into a field reader; unknown operators are config errors. */
function compileOperator(operator: string, path: string): Field {
  if (SIMPLE_OPERATORS[operator]) return SIMPLE_OPERATORS[operator];
  if (operator.startsWith('REQ(')) return headerField(operator.slice(4), (entry) => entry.requestHeaders);
  if (operator.startsWith('RESP(')) return headerField(operator.slice(5), (entry) => entry.responseHeaders);
  if (operator.startsWith('START_TIME(')) return SIMPLE_OPERATORS['START_TIME'];
  // Istio's formats name Mixer's dynamic metadata; the proxy has none, so it prints "-" like Envoy does when unset.
  if (operator.startsWith('DYNAMIC_METADATA(')) return () => undefined;
  return fail(path, `access log operator %${operator}% is not supported`);
}

export function compileTextFormat(format: string, path: string): (entry: AccessLogEntry) => string {
  const parts: (string | Field)[] = [];
  const pattern = /%([A-Z_]+(?:\([^)]*\)(?::\d+)?)?)%/g;
  let last = 0;
  for (let match = pattern.exec(format); match; match = pattern.exec(format)) {
    if (match.index > last) parts.push(format.slice(last, match.index));
    parts.push(compileOperator(match[1], path));
    last = match.index + match[0].length;
  }
  if (last < format.length) parts.push(format.slice(last));
  return (entry) => {
    let line = '';
    for (const part of parts) {
      if (typeof part === 'string') line += part;
      else {
        const value = part(entry);
        line += value === undefined ? '-' : String(value);
      }
    }
    return line;
  };
}

function compileJsonFormat(format: Record<string, JsonValue>, path: string): (entry: AccessLogEntry) => string {
  const fields = Object.entries(format).map(([key, template]) => {
    const operator = typeof template === 'string' ? /^%([^%]+)%$/.exec(template) : null;
    if (operator) {
      const field = compileOperator(operator[1], `${path}.${key}`);
      return { key, value: (entry: AccessLogEntry) => field(entry) ?? null };
    }
    const text = compileTextFormat(String(template), `${path}.${key}`);
    return { key, value: (entry: AccessLogEntry) => text(entry) };
  });
  return (entry) => {
    const record: Record<string, string | number | null> = {};
    for (const field of fields) record[field.key] = field.value(entry);
    return `${JSON.stringify(record)}\n`;
  };
}

/** access_log entries of an HCM or TCP proxy → file writers with compiled formats. */
export function compileAccessLogs(logs: readonly AccessLog__Output[], path: string): AccessLogConfig[] {
  return logs.map((log, index) => {
    const logPath = `${path}.access_log[${index}]`;
    rejectUnsupported(log, logPath, ['name', 'typed_config', 'config_type']);
    const file = unpackTyped<FileAccessLog__Output>(log.typed_config, `${logPath}.typed_config`, FILE_ACCESS_LOG_TYPE);
    const filePath = `${logPath}.typed_config`;
    switch (file.access_log_format) {
      case undefined:
        return { path: file.path, format: compileTextFormat(DEFAULT_ACCESS_LOG_FORMAT, filePath) };
      case 'format':
        return { path: file.path, format: compileTextFormat(file.format || DEFAULT_ACCESS_LOG_FORMAT, `${filePath}.format`) };
      case 'json_format':
        return { path: file.path, format: compileJsonFormat(fromStruct(file.json_format), `${filePath}.json_format`) };
      case 'log_format': {
        const format = file.log_format;
        if (format?.format === 'json_format') {
          return { path: file.path, format: compileJsonFormat(fromStruct(format.json_format), `${filePath}.log_format.json_format`) };
        }
        const text = format?.format === 'text_format' ? format.text_format : format?.text_format_source?.inline_string;
        if (text === undefined) return fail(`${filePath}.log_format`, 'only inline text or JSON formats are supported');
        return { path: file.path, format: compileTextFormat(text, `${filePath}.log_format`) };
      }
      default:
        return fail(`${filePath}.${file.access_log_format}`, 'access log format is not supported');
    }
  });
}
