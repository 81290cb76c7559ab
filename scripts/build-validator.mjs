// Precompiles the plan schema into standalone validation code (dist/validate/plan-validator.cjs), so that no
// process pays ajv's schema compile (~70 ms) at start. Run by `npm run build` after tsc.
import { writeFileSync, readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { _ } from 'ajv';

const schema = JSON.parse(readFileSync(new URL('../schemas/ke-hoach.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({
  allErrors: true, strict: true, allowUnionTypes: true, verbose: true,
  code: { source: true, esm: false, formats: _`require("./formats.cjs")` },
});
const formats = createRequire(import.meta.url)('../src/validate/formats.cjs');
for (const name of ['date', 'ngay-hoac-nam', 'thang-hoac-ngay']) ajv.addFormat(name, formats[name]);
const code = standaloneCode.default(ajv, ajv.compile(schema));
mkdirSync(new URL('../dist/validate/', import.meta.url), { recursive: true });
writeFileSync(new URL('../dist/validate/plan-validator.cjs', import.meta.url), code);
copyFileSync(new URL('../src/validate/formats.cjs', import.meta.url), new URL('../dist/validate/formats.cjs', import.meta.url));
