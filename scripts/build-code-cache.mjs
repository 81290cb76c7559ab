// Build step: V8 code cache for the precompiled schema validator (dist/validate/plan-validator.cjs, ~280 KB of
// generated code): loads it as the command does (dist/code-cache.cjs), validates every example so the
// functions a validation needs are compiled, and writes what V8 compiled to plan-validator.cjs.v8cache. A cold
// `validate` then skips most of the validator's parse and compile. V8 rejects the cache under another Node version
// or other flags, and the validator compiles as before.
import { readdirSync, readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { requireWithCodeCache, codeCachePath } from '../dist/code-cache.cjs';

const file = fileURLToPath(new URL('../dist/validate/plan-validator.cjs', import.meta.url));
rmSync(codeCachePath(file), { force: true }); // made from this build's code only
const { exports, script } = requireWithCodeCache(file);
const validate = typeof exports === 'function' ? exports : exports.default;
const dir = new URL('../examples/', import.meta.url);
for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
  const data = parse(readFileSync(new URL(f, dir), 'utf8'));
  validate(data);
  validate({ ...data, khoi: 1, ngay_ban_hanh: 'x' }); // the error paths too
}
writeFileSync(`${codeCachePath(file)}.tmp`, script.createCachedData());
renameSync(`${codeCachePath(file)}.tmp`, codeCachePath(file));
