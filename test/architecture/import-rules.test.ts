// Holds the house rules of docs/architecture.md: which folder may import which (read
// from the document's table, so the two cannot drift), no import circles, and no SQL
// outside store/.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE_DIRS = ['lib', 'rules', 'store', 'workflows', 'activities', 'server', 'bin', 'templates'];
/** Folders that wire things together and may import anything. */
const FREE = ['bin/'];
const SQL = /\b(SELECT [A-Za-z*(]|INSERT (OR [A-Z]+ )?INTO|DELETE FROM|UPDATE [a-z_]+ SET)/;

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}
interface Rule {
  folder: string;
  values: string[];
  types: string[];
  refused: string[];
}

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const d of SOURCE_DIRS) if (fs.existsSync(path.join(ROOT, d))) walk(d);
  for (const f of fs.readdirSync(ROOT)) if (f.endsWith('.ts')) out.push(f);
  return out.sort();
}

function resolve(from: string, spec: string): string | null {
  const base = path.join(path.dirname(from), spec);
  for (const c of [`${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(path.join(ROOT, c))) return c;
  }
  return null;
}

/** Every import, export-from, require() and import() of each file, with whether it is erased at runtime. */
function importsOf(file: string): { packages: string[]; edges: Edge[] } {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const packages: string[] = [];
  const edges: Edge[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    if (!spec.startsWith('.')) {
      packages.push(spec);
      return;
    }
    const to = resolve(file, spec);
    if (to) edges.push({ from: file, to, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allNamedTypes =
        !!named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly) &&
        !clause?.name;
      add(node.moduleSpecifier.text, !!clause?.isTypeOnly || allNamedTypes);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) add(e.text, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const lit = node.argument.literal;
      if (ts.isStringLiteral(lit)) add(lit.text, true);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { packages, edges };
}

function rulesFromDoc(): Rule[] {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
  const section = doc.split('## Folders and what each may import')[1]?.split('\n## ')[0] ?? '';
  const cells = (s: string) => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  return section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => {
      const [folder, values, types, refused] = l.split('|').slice(1, 5);
      return {
        folder: cells(folder)[0],
        values: cells(values),
        types: cells(types),
        refused: refused.trim() ? refused.trim().split(/,\s*/) : [],
      };
    });
}

/** `server/`: a folder prefix; `workflows/*\/messages.ts`: one segment wild. */
function matches(pattern: string, file: string): boolean {
  if (pattern.endsWith('/')) return file.startsWith(pattern);
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}$`,
  );
  return re.test(file);
}

const files = sourceFiles();
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rules = rulesFromDoc();

describe('docs/architecture.md import rules', () => {
  it('has a rule for every source folder but the free ones', () => {
    expect(rules.map((r) => r.folder).sort()).toEqual([
      'activities/',
      'lib/',
      'rules/',
      'server/',
      'server/routes/',
      'store/',
      'workflows/',
    ]);
  });

  it('every import stays inside what its folder may import', () => {
    const broken: string[] = [];
    for (const [file, { edges, packages }] of graph) {
      if (FREE.some((f) => file.startsWith(f))) continue;
      const rule = rules.filter((r) => file.startsWith(r.folder)).sort((a, b) => b.folder.length - a.folder.length)[0];
      if (!rule) continue;
      for (const e of edges) {
        const ok =
          rule.values.some((p) => matches(p, e.to)) || (e.typeOnly && rule.types.some((p) => matches(p, e.to)));
        if (!ok) broken.push(`${file} imports ${e.typeOnly ? 'types from ' : ''}${e.to}`);
      }
      for (const p of packages) if (rule.refused.includes(p)) broken.push(`${file} imports the package ${p}`);
    }
    expect(broken).toEqual([]);
  });

  it('the web process loads no workflow code: server/ takes only messages, rejections, types and type-only imports', () => {
    const loaded = [...graph.entries()]
      .filter(([f]) => f.startsWith('server/'))
      .flatMap(([, g]) => g.edges)
      .filter((e) => !e.typeOnly && e.to.startsWith('workflows/'))
      .map((e) => e.to);
    expect(loaded.length).toBeGreaterThan(0);
    expect(
      [...new Set(loaded)].filter((f) => !/^workflows\/(types\.ts|[^/]+\/(messages|rejections)\.ts)$/.test(f)),
    ).toEqual([]);
  });

  it('no two source files import each other in a circle', () => {
    // Tarjan's strongly connected components over runtime and type imports alike.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    let next = 0;
    const connect = (v: string) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const { to } of graph.get(v)?.edges ?? []) {
        if (!index.has(to)) {
          connect(to);
          low.set(v, Math.min(low.get(v)!, low.get(to)!));
        } else if (onStack.has(to)) low.set(v, Math.min(low.get(v)!, index.get(to)!));
      }
      if (low.get(v) === index.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1) circles.push(scc.sort());
      }
    };
    for (const f of files) if (!index.has(f)) connect(f);
    expect(circles).toEqual([]);
  });

  it('no SQL outside store/ (tests and benches aside)', () => {
    const found = files
      .filter((f) => !f.startsWith('store/'))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(ROOT, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
          .filter(({ line }) => SQL.test(line))
          .map(({ at, line }) => `${at}: ${line.trim().slice(0, 80)}`),
      );
    expect(found).toEqual([]);
  });

  it('the checks see real imports (a broken parser would pass everything)', () => {
    const worker = graph.get('bin/worker.ts');
    expect(worker?.edges.some((e) => e.to === 'activities/index.ts')).toBe(true);
    expect(
      graph.get('workflows/incident/workflow.ts')?.edges.some((e) => e.to === 'activities/index.ts' && e.typeOnly),
    ).toBe(true);
  });
});
