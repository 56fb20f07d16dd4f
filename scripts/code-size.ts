// Sizes the code: the largest files and the longest functions, read with the TypeScript compiler's own
// parser. `npx tsx scripts/code-size.ts [folder…]` prints them; scripts/code-size.test.ts holds the
// house limit (no function over 100 lines in shared/ and worker/).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface FunctionSize {
  file: string;
  name: string;
  line: number;
  lines: number;
}

export interface FileSize {
  file: string;
  lines: number;
}

const SKIP_DIRS = new Set(["node_modules", "dist", ".wrangler", "out", "test-results"]);

/** Source files below `dir`, tests excluded (a test's length is its cases, not its design). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (SKIP_DIRS.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.ts$/.test(entry) && !/\.(test|d)\.ts$/.test(entry)) out.push(path);
  }
  return out;
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name !== undefined) {
    return node.name.getText(source);
  }
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const parent = node.parent;
  if (parent !== undefined && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
  if (parent !== undefined && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  return "(anonymous)";
}

function isFunction(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** Every function of one file with its length in lines, from its first line to its closing brace. */
export function functionSizes(path: string, root = process.cwd()): FunctionSize[] {
  const text = readFileSync(path, "utf8");
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: FunctionSize[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node) && node.body !== undefined) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({
        file: relative(root, path),
        name: nameOf(node, source),
        line: start + 1,
        lines: end - start + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function fileSizes(paths: readonly string[], root = process.cwd()): FileSize[] {
  return paths
    .map((p) => ({ file: relative(root, p), lines: readFileSync(p, "utf8").split("\n").length - 1 }))
    .sort((a, b) => b.lines - a.lines);
}

function main(): void {
  const dirs = process.argv.slice(2);
  const files = (dirs.length > 0 ? dirs : ["shared", "worker", "addin", "cli", "web"]).flatMap((d) =>
    sourceFiles(d),
  );
  console.log("Largest files (lines):");
  for (const f of fileSizes(files).slice(0, 10)) console.log(`  ${String(f.lines).padStart(5)}  ${f.file}`);
  console.log("Longest functions (lines):");
  const fns = files.flatMap((f) => functionSizes(f)).sort((a, b) => b.lines - a.lines);
  for (const f of fns.slice(0, 10)) {
    console.log(`  ${String(f.lines).padStart(5)}  ${f.file}:${f.line} ${f.name}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
