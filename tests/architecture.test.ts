import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the code, checked on every run (see CONTRIBUTING.md):
 *
 * - the data model lives in src/db/schema/ and nowhere else;
 * - views are leaves: they import views/, src/lib/ and types only;
 * - a feature reaches another feature only through its queries or commands (queries.ts, commands/…);
 * - routes hold no database access (no drizzle, no tables): queries and commands do;
 * - no import circle anywhere under src/ (type imports included);
 * - a view stays under 400 lines, a routes.ts under 250 (as formatted).
 */

const ROOT = path.resolve(import.meta.dirname, '..');

interface Import {
  /** Resolved path relative to the root, or the bare package name. */
  target: string;
  typeOnly: boolean;
  line: number;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = path.posix.join(d, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

function resolve(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  return base;
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: Import[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean, node: ts.Node) => {
    if (!specifier || !ts.isStringLiteral(specifier)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    out.push({ target: resolve(file, specifier.text), typeOnly, line });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named =
        clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly || (!clause.name && named !== null && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier, typeOnly, node);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal as ts.Expression, true, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const files = [...filesUnder('src'), ...filesUnder('views'), ...filesUnder('scripts')];
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** "src/features/agenda/queries.ts" → "agenda"; null outside the features. */
const featureOf = (file: string) => /^src\/features\/([^/]+)\//.exec(file)?.[1] ?? null;
const lineCount = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').length - 1;

describe('architecture', () => {
  it('keeps every table in src/db/schema/', () => {
    const strays = files.filter(
      (f) => !f.startsWith('src/db/schema/') && /\bsqliteTable\(/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')),
    );
    expect(strays).toEqual([]);
  });

  it('keeps views as leaves: views/ imports views/, src/lib/ and types only', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      if (!file.startsWith('views/')) continue;
      for (const i of imports) {
        if (i.typeOnly || !i.target.includes('/') || i.target.startsWith('@')) continue;
        if (i.target.startsWith('views/') || i.target.startsWith('src/lib/')) continue;
        wrong.push(`${file}:${i.line} imports ${i.target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets a feature reach another only through its queries.ts or commands.ts', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      const own = featureOf(file);
      if (!own) continue;
      for (const i of imports) {
        const other = featureOf(i.target);
        if (!other || other === own) continue;
        if (/^src\/features\/[^/]+\/(queries|commands)(\.ts$|\/)/.test(i.target)) continue;
        wrong.push(`${file}:${i.line} imports ${i.target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps database access out of routes', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      if (!file.endsWith('/routes.ts') && !file.includes('/routes/')) continue;
      for (const i of imports) {
        if (i.target === 'drizzle-orm' || i.target.startsWith('src/db/'))
          wrong.push(`${file}:${i.line} imports ${i.target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import circle under src/', () => {
    const inSrc = (f: string) => f.startsWith('src/');
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const { target } of graph.get(file) ?? []) {
        if (!inSrc(target) || !graph.has(target)) continue;
        if (state.get(target) === 'visiting') cycles.push([...stack.slice(stack.indexOf(target)), target].join(' → '));
        else if (!state.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (inSrc(file) && !state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('keeps each view under 400 lines and each routes file under 250', () => {
    const long = files
      .map((f) => ({ f, n: lineCount(f) }))
      .filter(({ f, n }) => (f.startsWith('views/') && n > 400) || (/(^|\/)routes(\.ts$|\/)/.test(f) && n > 250))
      .map(({ f, n }) => `${f}: ${n} lines`);
    expect(long).toEqual([]);
  });
});
