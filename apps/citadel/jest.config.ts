export default {
  displayName: 'citadel',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/citadel',
};
