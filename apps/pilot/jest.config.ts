export default {
  displayName: 'pilot',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/pilot',
};
