import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;
const MAX_LINES = 60;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

type FunctionLike = ts.FunctionLikeDeclaration & { body: ts.Node };

function isFunction(node: ts.Node): node is FunctionLike {
  return ts.isFunctionLike(node) && 'body' in node && node.body !== undefined;
}

/** Every function, method, accessor, constructor and arrow function of a file with a body, and its length in lines. */
function functionLengths(file: string, text: string): { name: string; line: number; lines: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; line: number; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const named = node.name ?? (ts.isVariableDeclaration(node.parent) || ts.isPropertyAssignment(node.parent) ? node.parent.name : undefined);
      found.push({ name: named?.getText(source) ?? '(anonymous)', line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('src/ functions', () => {
  it('are measured: nested functions and arrow functions count, blank and comment lines too', () => {
    const text = ['function outer() {', '  // a comment', '', '  const inner = () => {', '    return 1;', '  };', '  return inner();', '}', ''].join('\n');
    expect(functionLengths('x.ts', text)).toEqual([
      { name: 'outer', line: 1, lines: 8 },
      { name: 'inner', line: 4, lines: 3 },
    ]);
  });

  it(`stay within ${MAX_LINES} lines (split a longer one into named steps)`, () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(100);
    const long = files.flatMap((f) =>
      functionLengths(f, readFileSync(f, 'utf8'))
        .filter((fn) => fn.lines > MAX_LINES)
        .map((fn) => `${relative(SRC, f)}:${fn.line} ${fn.name} (${fn.lines} lines)`),
    );
    expect(long).toEqual([]);
  });
});
