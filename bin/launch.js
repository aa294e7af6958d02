// Runs an app from its bundle in dist/ when built (`npm run build`), otherwise from source through tsx, so
// `npx istioctl ...` works right after `npm install`. ISTHMUS_FROM_SOURCE=1 forces the source (tests, development).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

exports.launch = function launch(app) {
  const root = join(__dirname, '..');
  const bundle = join(root, 'dist', 'apps', app, 'main.js');
  if (existsSync(bundle) && !process.env.ISTHMUS_FROM_SOURCE) {
    require(bundle);
    return;
  }
  process.env.TSX_TSCONFIG_PATH ??= join(root, 'tsconfig.base.json');
  require('tsx/cjs');
  require(join(root, 'apps', app, 'src', 'main.ts'));
};
