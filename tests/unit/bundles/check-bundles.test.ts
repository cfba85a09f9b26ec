/**
 * The bundle check (scripts/check-bundles.ts) on small samples written the way minifiers write
 * code: it must catch every way of running a string as code or calling a remote URL, and stay
 * quiet on the look-alikes real bundles are full of.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkManifest, cspProblems, formatFinding, scanBuilds, scanHtml, scanScript, type Rule } from '@/scripts/check-bundles';

const rulesIn = (code: string): Rule[] => scanScript('sample.js', code).map((finding) => finding.rule);

const FLAGGED: Array<[string, Rule]> = [
  ['eval("1+1")', 'eval'],
  ['var r=eval(s)', 'eval'],
  ['(0,eval)(code)', 'eval'],
  ['window.eval(code)', 'eval'],
  ['globalThis["eval"](code)', 'eval'],
  ['const run=eval;run(s)', 'eval'],
  ['new Function("a","return a")', 'function-constructor'],
  ['Function("return this")()', 'function-constructor'],
  ['new window.Function(body)', 'function-constructor'],
  ['(function(){}).constructor("debugger")()', 'function-constructor'],
  ['[].constructor.constructor("return this")()', 'function-constructor'],
  ['setTimeout("alert(1)",10)', 'string-timer'],
  ['setInterval(`tick()`,1e3)', 'string-timer'],
  ['window.setTimeout("go("+n+")")', 'string-timer'],
  ['import("https://cdn.example.com/x.js")', 'remote-import'],
  ['import("//cdn.example.com/x.js")', 'remote-import'],
  ['import(`data:text/javascript,${src}`)', 'remote-import'],
  ['import x from "https://cdn.example.com/x.js";x()', 'remote-import'],
  ['export*from"https://cdn.example.com/x.js"', 'remote-import'],
  ['importScripts("https://cdn.example.com/w.js")', 'remote-import'],
  ['fetch("https://api.example.com/track",{method:"POST"})', 'remote-request'],
  ['self.fetch(`https://${host}/collect`)', 'remote-request'],
  ['fetch("https://api.example.com/v1/"+id)', 'remote-request'],
  ['fetch(new URL("https://api.example.com/a"))', 'remote-request'],
  ['fetch("//api.example.com/a")', 'remote-request'],
  ['var x=new XMLHttpRequest;x.open("POST","https://api.example.com/c")', 'remote-request'],
  ['new WebSocket("wss://live.example.com/s")', 'remote-request'],
  ['new EventSource("https://live.example.com/stream")', 'remote-request'],
  ['navigator.sendBeacon("https://api.example.com/b",d)', 'remote-request'],
  ['new Request("http://api.example.com/r")', 'remote-request'],
  ['new Worker("https://cdn.example.com/worker.js")', 'remote-request'],
];

/** Shapes real minified bundles contain (Preact, Dexie, Vite's preload helper, our own code). */
const QUIET = [
  'a.eval(b)',
  'const o={eval:1,Function:2};o.eval',
  'x.evaluate(y);e.evaluateHandle(f)',
  'function isFunction(e){return typeof e=="function"}isFunction(x)',
  'e instanceof Function',
  'Function.prototype.call.bind(f)',
  'const csp="script-src \'self\' \'unsafe-eval\'"',
  'console.log("never call eval(x) or new Function(y)")',
  '// eval(x); new Function("y"); fetch("https://a.example.com")\nvar a=1',
  '/* setTimeout("x") */var b=2',
  'var re=/eval\\(|new Function\\(/g;re.test(s)',
  'setTimeout(()=>{},0);setTimeout(f,10);setInterval(tick,1e3)',
  'import("./chunks/search-abc123.js").then(m=>m.x)',
  'fetch(chrome.runtime.getURL("/assets/catalogue.json"))',
  'fetch(i.href,n)',
  'fetch("/assets/catalogue.json")',
  'window.open("https://duckduckgo.com/?q="+q,"_blank")',
  'const engines={duckduckgo:"https://duckduckgo.com/",kagi:"https://kagi.com/search"}',
  'document.createElementNS("http://www.w3.org/2000/svg","svg")',
  'new this.constructor("message")',
  'class A extends B{constructor(){super("x")}}',
  'x.open("GET")',
  'new URL("https://example.com/a").href',
];

describe('scanScript', () => {
  it.each(FLAGGED)('flags %s', (code, rule) => {
    expect(rulesIn(code)).toContain(rule);
  });

  it.each(QUIET)('stays quiet on %s', (code) => {
    expect(scanScript('sample.js', code)).toEqual([]);
  });

  it('names the file, line and column, with the code around the finding', () => {
    const code = 'var a=1;\nvar b=2,c=window.eval(s);\n';
    const [finding] = scanScript('chunks/bad.js', code);
    expect(finding).toMatchObject({ file: 'chunks/bad.js', line: 2, column: 11, rule: 'eval' });
    expect(finding!.snippet).toContain('window.eval(s)');
    expect(formatFinding(finding!)).toMatch(/^chunks\/bad\.js:2:11 \[eval\] eval runs a string as code\n {4}.*window\.eval\(s\)/);
  });
});

describe('scanHtml', () => {
  it('accepts the bundle’s own module scripts and styles', () => {
    const page = '<script type="module" crossorigin src="/chunks/popup-abc.js"></script><link rel="stylesheet" href="/assets/theme.css">';
    expect(scanHtml('popup.html', page)).toEqual([]);
  });

  it('flags inline and remote scripts and remote resources', () => {
    const page = [
      '<script>alert(1)</script>',
      '<script src="https://cdn.example.com/a.js"></script>',
      '<link rel="stylesheet" href="//fonts.example.com/f.css">',
    ].join('\n');
    expect(scanHtml('popup.html', page).map((finding) => [finding.rule, finding.line])).toEqual([
      ['inline-script', 1],
      ['remote-script', 2],
      ['remote-script', 3],
    ]);
  });
});

const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('cspProblems', () => {
  it('accepts the strict CSP', () => {
    expect(cspProblems(STRICT_CSP)).toEqual([]);
  });

  it.each([
    [undefined, /no content_security_policy/],
    [STRICT_CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"), /script-src is "'self' 'wasm-unsafe-eval'"/],
    [STRICT_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"), /script-src/],
    [STRICT_CSP.replace("connect-src 'self'", "connect-src 'self' https://api.example.com"), /connect-src is/],
    [STRICT_CSP.replace("; connect-src 'self'", ''), /connect-src is missing/],
    [STRICT_CSP.replace("object-src 'none'", "object-src 'self'"), /object-src is "'self'"/],
    [STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"), /style-src allows 'unsafe-inline'/],
    [STRICT_CSP.replace("img-src 'self'", 'img-src *'), /img-src allows \*/],
    [`${STRICT_CSP}; font-src https://fonts.example.com`, /font-src allows https:\/\/fonts\.example\.com/],
  ])('rejects %s', (csp, problem) => {
    expect(cspProblems(csp).join('\n')).toMatch(problem);
  });
});

describe('checkManifest', () => {
  const manifest = (fields: object) => JSON.stringify({ manifest_version: 3, content_security_policy: { extension_pages: STRICT_CSP }, ...fields });

  it('accepts site-limited host permissions with all sites only optional, in either manifest version', () => {
    expect(
      checkManifest('manifest.json', manifest({ host_permissions: ['*://*.readthedocs.io/*'], optional_host_permissions: ['*://*/*'] })),
    ).toEqual([]);
    const mv2 = JSON.stringify({ manifest_version: 2, content_security_policy: STRICT_CSP, permissions: ['storage', '*://redis.io/*'], optional_permissions: ['*://*/*'] });
    expect(checkManifest('manifest.json', mv2)).toEqual([]);
  });

  it.each([
    [{ host_permissions: ['<all_urls>'] }, 'host_permissions asks for <all_urls>'],
    [{ host_permissions: ['*://*/*'] }, 'host_permissions asks for *://*/*'],
    [{ permissions: ['tabs', 'https://*/*'] }, 'permissions asks for https://*/*'],
    [{ content_scripts: [{ matches: ['file:///*'] }] }, 'content_scripts.matches asks for file:///*'],
  ])('flags all-sites access at install: %j', (fields, message) => {
    const findings = checkManifest('manifest.json', manifest(fields));
    expect(findings.map((finding) => finding.rule)).toEqual(['all-sites-permission']);
    expect(findings[0]!.message).toContain(message);
  });

  it('reads the MV2 string form of the CSP', () => {
    const mv2 = JSON.stringify({ manifest_version: 2, content_security_policy: "script-src 'self'; object-src 'self'" });
    expect(checkManifest('manifest.json', mv2).map((finding) => finding.rule)).toContain('csp');
  });
});

describe('scanBuilds', () => {
  it('walks a build directory, counts what it scanned, and refuses a directory without a build', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'docent-check-bundles-'));
    try {
      await mkdir(path.join(dir, 'chunks'));
      await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, content_security_policy: { extension_pages: STRICT_CSP } }));
      await writeFile(path.join(dir, 'background.js'), 'fetch(chrome.runtime.getURL("/a.json"))');
      await writeFile(path.join(dir, 'chunks', 'page.js'), 'x=1;setTimeout("steal()",1)');
      await writeFile(path.join(dir, 'popup.html'), '<script type="module" src="/chunks/page.js"></script>');
      const summary = await scanBuilds([dir]);
      expect(summary).toMatchObject({ scripts: 2, pages: 1, manifests: 1 });
      expect(summary.scriptBytes).toBeGreaterThan(0);
      expect(summary.findings.map((finding) => [path.basename(finding.file), finding.rule])).toEqual([['page.js', 'string-timer']]);

      await expect(scanBuilds([path.join(dir, 'chunks')])).rejects.toThrow(/No built extension/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
