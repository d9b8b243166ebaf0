import { describe, expect, it } from 'vitest';
import { isIgnored, parseDockerfile, readArgDefaults, readContextCopies } from './dockerfile';

describe('parseDockerfile', () => {
  it('joins continuations, drops comments and counts stages', () => {
    const instructions = parseDockerfile(
      [
        'ARG BASE=node:20',
        'FROM ${BASE} AS build',
        'ARG TOOL_VERSION=1.2.3',
        '# a comment',
        'RUN one \\',
        '  # inside a continuation',
        ' && two',
        'COPY a.json b.json ./',
        'FROM ${BASE}',
        'COPY --from=build /out /app',
        'COPY --chown=1000 src src',
      ].join('\n'),
    );
    expect(instructions.map(({ keyword, stage }) => `${stage}:${keyword}`)).toEqual([
      '-1:ARG',
      '0:FROM',
      '0:ARG',
      '0:RUN',
      '0:COPY',
      '1:FROM',
      '1:COPY',
      '1:COPY',
    ]);
    expect(instructions[3]!.args).toBe('one && two');
    expect(readArgDefaults(instructions).get('TOOL_VERSION')).toBe('1.2.3');
    expect(readContextCopies(instructions)).toEqual(['a.json', 'b.json', 'src']);
  });
});

describe('isIgnored', () => {
  const dockerignore = ['**/node_modules', '**/*.log', '.git', 'deploy', '!deploy/keep.txt'].join(
    '\n',
  );

  it.each([
    ['apps/agent/node_modules', true],
    ['node_modules/x/index.js', true],
    ['apps/agent/debug.log', true],
    ['.git', true],
    ['deploy/helm', true],
    ['deploy/keep.txt', false],
    ['apps/agent/src/main.ts', false],
    ['deployment.md', false],
  ])('%s → %s', (path, expected) => {
    expect(isIgnored(dockerignore, path)).toBe(expected);
  });
});
