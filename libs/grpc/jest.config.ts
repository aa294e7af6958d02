export default {
  displayName: 'grpc',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/grpc',
};
