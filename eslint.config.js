import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The core's rooms (docs/architecture.md): outside its folder, a room is
 * reached only through its entry module, named after the folder; its other
 * files are its own.
 */
const CORE_ROOMS = ['text', 'corpus', 'search', 'people', 'quotes', 'time', 'library', 'answer'];
const roomEntriesOnly = CORE_ROOMS.map((room) => ({
  group: [`**/${room}/*`, `!**/${room}/${room}.ts`],
  message: `Import the ${room} room through its entry module, ${room}/${room}.ts.`,
}));
/** The pure core never reaches out of src/core: no adapter, no config, no discord.js (ARCHITECTURE.md). */
const coreStaysPure = (outOfCore) => [
  ...roomEntriesOnly,
  { group: ['discord.js', '@discordjs/*'], message: 'The core never imports discord.js.' },
  { group: [outOfCore], message: 'The core imports nothing outside src/core.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'anywhere' }],
    },
  },
  {
    // Tests may reach a room's inner modules to test them one by one; the product may not.
    files: ['src/**/*.ts', 'commands/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: roomEntriesOnly }] },
  },
  {
    files: ['src/core/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: coreStaysPure('../*') }] },
  },
  {
    files: ['src/core/*/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: coreStaysPure('../../*') }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only src/config.ts reads process.env.' }],
      'no-console': 'error',
    },
  },
);
