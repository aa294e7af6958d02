export default {
  displayName: 'istioctl',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/istioctl',
};
