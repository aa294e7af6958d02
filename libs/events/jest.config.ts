export default {
  displayName: 'events',
  preset: '../../libs/testenv/jest-preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/events',
};
