export default {
  displayName: 'proxy-lib',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // Unit specs beside the code; socket-level specs (real HTTP/1.1, h2, gRPC, WebSocket, TCP, TLS on loopback) in test/.
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  coverageDirectory: '../../coverage/libs/proxy',
  testTimeout: 20000,
};
