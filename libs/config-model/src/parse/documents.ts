/**
 * Splits a file's text into documents: multi-document YAML (`---`), a JSON object or array, and Kubernetes `List`
 * objects (`items`) expanded in place. Syntax errors become problems carrying the file and document index.
 */
import { parseAllDocuments } from 'yaml';
import { ConfigProblem } from '../validation/problems';

export interface SourceDocument {
  readonly value: unknown;
  readonly file: string;
  /** 0-based index among the file's documents. */
  readonly document: number;
}

export interface ParsedDocuments {
  readonly documents: SourceDocument[];
  readonly problems: ConfigProblem[];
}

function syntaxProblem(file: string, document: number, message: string): ConfigProblem {
  return { kind: '', namespace: '', name: '', path: '', message, severity: 'error', file, document };
}

function expandLists(value: unknown, file: string, document: number, out: SourceDocument[]): void {
  if (Array.isArray(value)) {
    value.forEach((entry) => expandLists(entry, file, document, out));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record['kind'] === 'string' && record['kind'].endsWith('List') && Array.isArray(record['items']) && record['spec'] === undefined) {
      record['items'].forEach((entry) => expandLists(entry, file, document, out));
      return;
    }
  }
  out.push({ value, file, document });
}

export function parseDocuments(text: string, file: string): ParsedDocuments {
  const documents: SourceDocument[] = [];
  const problems: ConfigProblem[] = [];
  const trimmed = text.trimStart();
  if (file.endsWith('.json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      expandLists(JSON.parse(text) as unknown, file, 0, documents);
      return { documents, problems };
    } catch (error) {
      if (file.endsWith('.json')) {
        problems.push(syntaxProblem(file, 0, `invalid JSON: ${error instanceof Error ? error.message : String(error)}`));
        return { documents, problems };
      }
      // Not JSON after all (e.g. a YAML flow mapping with comments): fall through to YAML.
    }
  }
  let index = 0;
  for (const doc of parseAllDocuments(text, { merge: true, prettyErrors: true, uniqueKeys: true })) {
    const current = index++;
    if (doc.errors.length > 0) {
      for (const error of doc.errors) problems.push(syntaxProblem(file, current, `invalid YAML: ${error.message.split('\n')[0]}`));
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      problems.push(syntaxProblem(file, current, `invalid YAML: ${error instanceof Error ? error.message : String(error)}`));
      continue;
    }
    if (value === null || value === undefined) continue; // empty document (comments only, trailing ---)
    expandLists(value, file, current, documents);
  }
  return { documents, problems };
}
