/**
 * The built extension runs no code it did not ship and talks to no server:
 *
 *   npm run check:bundles                 # .output/chrome-mv3 and .output/firefox-mv2
 *   tsx scripts/check-bundles.ts DIR...   # other builds
 *
 * Every JS file is parsed (TypeScript's parser, so strings, comments, regexes and property names
 * such as `.eval` or `isFunction` never count) and fails the check if it evaluates strings as code
 * (`eval`, the `Function` constructor, string timers), imports code from a URL, or requests a
 * literal remote URL (fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon, workers). HTML
 * files may hold no inline or remote scripts. Each manifest must carry the strict extension-pages
 * CSP and ask for no all-sites access up front. Findings name the file, line and code; the last
 * line sums up what was scanned.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export type Rule =
  | 'eval'
  | 'function-constructor'
  | 'string-timer'
  | 'remote-import'
  | 'remote-request'
  | 'inline-script'
  | 'remote-script'
  | 'csp'
  | 'all-sites-permission';

export type Finding = { file: string; line: number; column: number; rule: Rule; message: string; snippet: string };

// ---------- Code ----------

/** Names under which scripts reach the global object. */
const GLOBAL_OBJECTS = new Set(['window', 'self', 'globalThis', 'global', 'top', 'parent', 'frames']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'execScript']);
/** Constructors whose first argument is a URL the browser requests. */
const REQUESTING_CONSTRUCTORS = new Set(['Request', 'WebSocket', 'EventSource', 'Worker', 'SharedWorker']);
/** A URL that leaves the extension: http(s)/ws(s) or protocol-relative. */
const REMOTE_URL = /^\s*(?:(?:https?|wss?|ftp):)?\/\//i;
/** What `import()` must never load: remote code, or code made from a string. */
const NON_BUNDLED_MODULE = /^\s*(?:(?:(?:https?|ftp):)?\/\/|data:|blob:|javascript:)/i;

/** `(0, eval)` and `(eval)` are still eval. */
function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (ts.isParenthesizedExpression(current)) current = current.expression;
    else if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.CommaToken) current = current.right;
    else return current;
  }
}

/** `eval`, `window.eval`, `globalThis["eval"]` → "eval"; anything not a global's name → null. */
function globalName(node: ts.Expression): string | null {
  const target = unwrap(node);
  if (ts.isIdentifier(target)) return target.text;
  if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) return null;
  const base = unwrap(target.expression);
  if (!ts.isIdentifier(base) || !GLOBAL_OBJECTS.has(base.text)) return null;
  if (ts.isPropertyAccessExpression(target)) return target.name.text;
  return ts.isStringLiteralLike(target.argumentExpression) ? target.argumentExpression.text : null;
}

/** The text a string expression certainly starts with: a literal, a template's head, the left of a `+`. */
function staticPrefix(node: ts.Expression | undefined): string | null {
  if (!node) return null;
  const target = unwrap(node);
  if (ts.isStringLiteralLike(target)) return target.text;
  if (ts.isTemplateExpression(target)) return target.head.text;
  if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.PlusToken) return staticPrefix(target.left);
  // fetch(new URL("https://…"))
  if (ts.isNewExpression(target) && globalName(target.expression) === 'URL') return staticPrefix(target.arguments?.[0]);
  return null;
}

function isStringExpression(node: ts.Expression | undefined): boolean {
  if (!node) return false;
  const target = unwrap(node);
  return (
    ts.isStringLiteralLike(target) ||
    ts.isTemplateExpression(target) ||
    (ts.isBinaryExpression(target) &&
      target.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      (isStringExpression(target.left) || isStringExpression(target.right)))
  );
}

const isRemote = (node: ts.Expression | undefined) => REMOTE_URL.test(staticPrefix(node) ?? '');

/** An identifier used as a value, not as a property or member name (`a.eval`, `{eval: 1}`). */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) return false;
  if ((ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === node) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  return true;
}

/** `(function(){}).constructor(…)` and `[].constructor.constructor(…)`: the Function constructor by another name. */
function isFunctionConstructorByProxy(callee: ts.Expression): boolean {
  const target = unwrap(callee);
  if (!ts.isPropertyAccessExpression(target) || target.name.text !== 'constructor') return false;
  const owner = unwrap(target.expression);
  return (
    ts.isFunctionExpression(owner) ||
    ts.isArrowFunction(owner) ||
    (ts.isPropertyAccessExpression(owner) && owner.name.text === 'constructor')
  );
}

function callFindings(node: ts.CallExpression | ts.NewExpression): Array<[Rule, string]> {
  const args: readonly ts.Expression[] = node.arguments ?? [];
  const name = node.expression.kind === ts.SyntaxKind.ImportKeyword ? 'import' : globalName(node.expression);
  const isNew = ts.isNewExpression(node);
  const callee = unwrap(node.expression);
  const member = ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  const found: Array<[Rule, string]> = [];
  if (name === 'Function') found.push(['function-constructor', 'the Function constructor compiles a string into code']);
  else if (isFunctionConstructorByProxy(node.expression)) found.push(['function-constructor', 'the Function constructor (reached through .constructor) compiles a string into code']);
  if (!isNew && name !== null && TIMERS.has(name) && isStringExpression(args[0])) {
    found.push(['string-timer', `${name} with a string evaluates it as code`]);
  }
  if (name === 'import' && NON_BUNDLED_MODULE.test(staticPrefix(args[0]) ?? '')) found.push(['remote-import', 'import() of code that is not in the bundle']);
  if (!isNew && name === 'importScripts' && args.some((arg) => isRemote(arg))) found.push(['remote-import', 'importScripts() of a remote URL']);
  if (!isNew && name === 'fetch' && isRemote(args[0])) found.push(['remote-request', 'fetch() of a remote URL']);
  if (isNew && name !== null && REQUESTING_CONSTRUCTORS.has(name) && isRemote(args[0])) found.push(['remote-request', `new ${name}() of a remote URL`]);
  if (!isNew && member === 'sendBeacon' && isRemote(args[0])) found.push(['remote-request', 'sendBeacon() to a remote URL']);
  // XMLHttpRequest#open(method, url); window.open(url) is a navigation and takes the URL first.
  if (!isNew && member === 'open' && isRemote(args[1])) found.push(['remote-request', 'XMLHttpRequest open() of a remote URL']);
  return found;
}

/** Findings in one JavaScript file. */
export function scanScript(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const findings: Finding[] = [];
  const report = (node: ts.Node, rule: Rule, message: string) => findings.push(findingAt(file, text, node.getStart(source), rule, message));
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === 'eval' && isValueReference(node)) report(node, 'eval', 'eval runs a string as code');
    else if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && globalName(node) === 'eval') {
      report(node, 'eval', 'eval runs a string as code');
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      for (const [rule, message] of callFindings(node)) report(node, rule, message);
    } else if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && NON_BUNDLED_MODULE.test(staticPrefix(node.moduleSpecifier as ts.Expression) ?? '')) {
      report(node, 'remote-import', 'import of code that is not in the bundle');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC_ATTRIBUTE = /\bsrc\s*=\s*["']?([^"'\s>]+)/i;
const REMOTE_RESOURCE = /\b(?:src|href)\s*=\s*["']?((?:(?:https?|wss?):)?\/\/[^"'\s>]*)/gi;

/** Findings in one HTML page: only the bundle's own script files may run there. */
export function scanHtml(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(SCRIPT_TAG)) {
    const src = SRC_ATTRIBUTE.exec(match[1]!)?.[1];
    if (src === undefined && match[2]!.trim() !== '') findings.push(findingAt(file, text, match.index, 'inline-script', 'inline <script> (the CSP refuses it; ship it as a file)'));
  }
  for (const match of text.matchAll(REMOTE_RESOURCE)) {
    findings.push(findingAt(file, text, match.index, 'remote-script', `a page loads ${match[1]} from outside the extension`));
  }
  return findings;
}

// ---------- Manifest ----------

/** Directives the extension pages' CSP must carry, with exactly these sources. */
export const REQUIRED_CSP: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'object-src': ["'none'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};
/** The only sources any other directive may name: the extension itself, or nothing. */
const ALLOWED_SOURCES = new Set(["'self'", "'none'"]);

function parseCsp(csp: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** What is looser than the strict CSP, in words; empty when it is strict. */
export function cspProblems(csp: string | undefined): string[] {
  if (!csp?.trim()) return ['no content_security_policy for extension pages (the browser default allows remote connections)'];
  const directives = parseCsp(csp);
  const problems: string[] = [];
  for (const [name, sources] of Object.entries(REQUIRED_CSP)) {
    const actual = directives.get(name);
    if (!actual) problems.push(`${name} is missing (expected ${sources.join(' ')})`);
    else if (actual.join(' ') !== sources.join(' ')) problems.push(`${name} is "${actual.join(' ')}", expected "${sources.join(' ')}"`);
  }
  for (const [name, sources] of directives) {
    if (name in REQUIRED_CSP) continue;
    const loose = sources.filter((source) => !ALLOWED_SOURCES.has(source));
    if (loose.length) problems.push(`${name} allows ${loose.join(' ')}`);
  }
  return problems;
}

type ManifestShape = {
  manifest_version?: number;
  content_security_policy?: string | { extension_pages?: string };
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: Array<{ matches?: string[] }>;
};

// <all_urls>, a pattern whose host is "*" (any scheme) or a file: pattern: every site, or every local file.
function isAllSitesPattern(pattern: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^([a-z*-]+):\/\/([^/]*)\//i.exec(pattern);
  return match !== null && (match[2] === '*' || match[1]!.toLowerCase() === 'file');
}

/** Findings in a built manifest.json. */
export function checkManifest(file: string, text: string): Finding[] {
  const manifest = JSON.parse(text) as ManifestShape;
  const csp = typeof manifest.content_security_policy === 'string' ? manifest.content_security_policy : manifest.content_security_policy?.extension_pages;
  const findings: Finding[] = cspProblems(csp).map((message) => ({ file, line: 1, column: 1, rule: 'csp', message, snippet: csp ?? '' }));
  const granted = [
    ...(manifest.host_permissions ?? []).map((pattern) => ['host_permissions', pattern]),
    ...(manifest.permissions ?? []).map((pattern) => ['permissions', pattern]),
    ...(manifest.content_scripts ?? []).flatMap((script) => (script.matches ?? []).map((pattern) => ['content_scripts.matches', pattern])),
  ];
  for (const [where, pattern] of granted) {
    if (isAllSitesPattern(pattern!)) {
      findings.push({ file, line: 1, column: 1, rule: 'all-sites-permission', message: `${where} asks for ${pattern} at install (use optional permissions)`, snippet: pattern! });
    }
  }
  return findings;
}

// ---------- Reporting ----------

const SNIPPET_RADIUS = 60;

function findingAt(file: string, text: string, offset: number, rule: Rule, message: string): Finding {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const snippet = text.slice(Math.max(0, offset - 20), offset + SNIPPET_RADIUS).replace(/\s+/g, ' ');
  return { file, line, column, rule, message, snippet };
}

export function formatFinding(finding: Finding): string {
  const where = `${finding.file}:${finding.line}:${finding.column} [${finding.rule}] ${finding.message}`;
  return finding.snippet ? `${where}\n    ${finding.snippet}` : where;
}

export type ScanSummary = { dirs: string[]; scripts: number; scriptBytes: number; pages: number; manifests: number; findings: Finding[] };

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

/** Scan each build directory (each must hold a manifest and scripts, so a wrong path cannot pass). */
export async function scanBuilds(dirs: readonly string[]): Promise<ScanSummary> {
  const summary: ScanSummary = { dirs: [...dirs], scripts: 0, scriptBytes: 0, pages: 0, manifests: 0, findings: [] };
  for (const dir of dirs) {
    if (!existsSync(path.join(dir, 'manifest.json'))) {
      throw new Error(`No built extension in ${dir}: run \`npm run build && npm run build:firefox\` first.`);
    }
    let scriptsHere = 0;
    for (const file of await filesUnder(dir)) {
      const shown = path.relative(process.cwd(), file);
      if (/\.[cm]?js$/.test(file)) {
        const text = await readFile(file, 'utf8');
        scriptsHere++;
        summary.scriptBytes += Buffer.byteLength(text);
        summary.findings.push(...scanScript(shown, text));
      } else if (/\.html?$/.test(file)) {
        summary.pages++;
        summary.findings.push(...scanHtml(shown, await readFile(file, 'utf8')));
      } else if (path.basename(file) === 'manifest.json' && path.dirname(file) === path.resolve(dir)) {
        summary.manifests++;
        summary.findings.push(...checkManifest(shown, await readFile(file, 'utf8')));
      }
    }
    if (scriptsHere === 0) throw new Error(`No JavaScript files in ${dir}: is it a complete build?`);
    summary.scripts += scriptsHere;
  }
  return summary;
}

export function summaryLine(summary: ScanSummary): string {
  return (
    `check-bundles: ${summary.scripts} JS files (${summary.scriptBytes} bytes), ${summary.pages} HTML pages, ${summary.manifests} manifests ` +
    `in ${summary.dirs.join(', ')}: ${summary.findings.length} findings`
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dirs = (args.length ? args : ['.output/chrome-mv3', '.output/firefox-mv2']).map((dir) => path.resolve(dir));
  const summary = await scanBuilds(dirs);
  for (const finding of summary.findings) console.error(formatFinding(finding));
  console.log(summaryLine({ ...summary, dirs: summary.dirs.map((dir) => path.relative(process.cwd(), dir) || '.') }));
  if (summary.findings.length) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
