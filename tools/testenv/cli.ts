// `npm run testenv -- <install|up|down|status|env>`: the CLI lives in libs/testenv/src/cli.ts. It is imported by path
// (not through @isthmus/testenv) because the library's index pulls in the Jest-side helpers, which the CLI must not load.
// eslint-disable-next-line @nx/enforce-module-boundaries
import '../../libs/testenv/src/cli';
