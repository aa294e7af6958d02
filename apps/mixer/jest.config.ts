export default {
  displayName: 'mixer',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/mixer',
};
