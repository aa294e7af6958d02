export default {
  displayName: 'mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/mcp',
};
