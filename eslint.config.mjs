import nx from '@nx/eslint-plugin';

/**
 * Dependency rules (docs/architecture.md):
 *  - apps depend on libs; libs never import apps (type:app is importable by nobody);
 *  - type:testing libs (test environment, fixtures) may be used by tests of any project, never by production code of
 *    a lib other than another testing lib;
 *  - layer:foundation (runtime, protos) depends on nothing but foundation; layer:model adds nothing but foundation;
 *    layer:transport (grpc, xds, mcp, kube) may use model and foundation; layer:domain may use all of those.
 */
export const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
  { sourceTag: 'layer:foundation', onlyDependOnLibsWithTags: ['layer:foundation'] },
  { sourceTag: 'layer:model', onlyDependOnLibsWithTags: ['layer:foundation', 'layer:model'] },
  {
    sourceTag: 'layer:transport',
    onlyDependOnLibsWithTags: ['layer:foundation', 'layer:model', 'layer:transport'],
  },
  {
    sourceTag: 'layer:domain',
    onlyDependOnLibsWithTags: ['layer:foundation', 'layer:model', 'layer:transport', 'layer:domain'],
  },
];

/** Tests of any project may also use the type:testing libraries (test environment, fixtures), whatever its layer. */
const testDepConstraints = depConstraints.map((constraint) =>
  constraint.onlyDependOnLibsWithTags.includes('type:testing')
    ? constraint
    : { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'] },
);
const testFiles = ['**/*.spec.ts', '**/test/**/*.ts', '**/testing.ts', '**/testing/**/*.ts'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/coverage', '**/.nx', 'libs/protos/src/generated/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          banTransitiveDependencies: false,
          checkDynamicDependenciesExceptions: [],
          depConstraints,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: true, allow: [], depConstraints: testDepConstraints }],
    },
  },
  {
    files: [...testFiles, 'tools/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];
