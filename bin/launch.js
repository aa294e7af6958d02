// Runs an app from source through tsx when the source is there (a checkout: never a stale bundle), otherwise from
// its bundle in dist/ (an image or package without sources). ISTHMUS_USE_DIST=1 forces the bundle (`npm run build`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

exports.launch = function launch(app) {
  const root = join(__dirname, '..');
  const source = join(root, 'apps', app, 'src', 'main.ts');
  const bundle = join(root, 'dist', 'apps', app, 'main.js');
  if (existsSync(source) && process.env.ISTHMUS_USE_DIST !== '1') {
    process.env.TSX_TSCONFIG_PATH ??= join(root, 'tsconfig.base.json');
    require('tsx/cjs');
    require(source);
    return;
  }
  require(bundle);
};
