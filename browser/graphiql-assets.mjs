// Builds GraphiQL's bundle into the server's resources (committed, so that the server builds with only a
// JDK): node graphiql-assets.mjs (npm run graphiql-assets) after npm ci in this folder.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'main', 'resources', 'static', 'graphiql');
mkdirSync(out, { recursive: true });

const result = await build({
  metafile: true,
  entryPoints: [join(here, 'graphiql', 'entry.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  outfile: join(out, 'graphiql.js'),
  logLevel: 'warning',
});

// The licence of every npm package the bundle holds, with its exact version (read from the build's inputs).
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (match) {
    packages.add(match[1]);
  }
}
const notices = [...packages].sort().map((name) => {
  const dir = join(here, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((entry) => /^licen[cs]e/i.test(entry));
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${pkg.license}`;
  return `${name} ${pkg.version} (${pkg.license})\n\n${text}\n`;
});
writeFileSync(join(out, 'LICENSES.txt'),
  'graphiql.js and graphiql.css bundle these npm packages (built by browser/graphiql-assets.mjs):\n\n'
  + notices.join('\n' + '-'.repeat(72) + '\n\n'));
