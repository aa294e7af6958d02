/**
 * @isthmus/config-model — the typed Istio 1.3 config model shared by every component: types and defaults, the schema
 * registry (one descriptor per kind), parsing, validation with structured problems, the Mixer expression parser,
 * CRD generation and the cross-resource analyzer.
 */
export * from './schema/dsl';
export { checkValue } from './schema/check';
export { toOpenApi } from './schema/openapi';

export * from './types/resource';
export * from './types/virtual-service';
export * from './types/destination-rule';
export * from './types/gateway';
export * from './types/sidecar';
export * from './types/authentication';
export * from './types/rbac';
export * from './types/policy';
export * from './types/apim';
export * from './types/mesh';
export * from './types/injector';

export * from './registry/descriptor';
export { ISTIO_KINDS, type IstioKind, type SpecByKind } from './registry/kinds';
export { istioSchemas, SchemaRegistry } from './registry/registry';

export { parseDocuments, type ParsedDocuments, type SourceDocument } from './parse/documents';
export { parseMeshConfig, type MeshConfigResult } from './parse/mesh';

export { type ConfigProblem, type Severity, type Reporter, hasErrors } from './validation/problems';
export { formatProblem, formatProblems } from './validation/format';
export { editDistance, suggest } from './validation/suggest';
export { checkRe2 } from './validation/re2';
export { hostProblem, isIP, isCIDR, isDns1123Label, isDns1123Subdomain } from './validation/common';
export { hostCovers } from './validation/virtual-service';
export { validateObject, validateText, type ConfigObject, type ObjectResult, type TextResult, type ValidateOptions } from './validation/validate';
export type { ValidationContext } from './validation/context';

export * from './expr/ast';
export { parseExpression, type ParseExpressionResult } from './expr/parser';
export { KNOWN_ATTRIBUTES, referencedAttributes, isKnownAttribute } from './expr/attributes';

export { buildCrds, renderCrdFiles, CERT_MANAGER_CRDS, type CrdFile } from './crd/crds';
export { analyze, type AnalyzerOptions } from './analysis/analyze';
