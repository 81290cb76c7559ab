// Precompiles the plan schema into standalone validation code (dist/validate/plan-validator.cjs), so that no
// process pays ajv's schema compile (~70 ms) at start. Run by `npm run build` after tsc.
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { _ } from 'ajv';

const schema = JSON.parse(readFileSync(new URL('../schemas/ke-hoach.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({
  allErrors: true, strict: true, allowUnionTypes: true, verbose: true,
  code: { source: true, esm: false, formats: _`require("./formats.cjs")` },
});
// The date formats are read by src/form/dates.ts (dayjs), built by tsc before this step.
const { FORMATS } = await import('../dist/form/dates.js');
const { SCHEMA_ANNOTATIONS, stripAnnotations } = await import('../dist/validate/schema.js');
for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
// The schema's own annotation (strict mode refuses unknown keywords): `"x-ma": true` marks a key whose values are codes
// (scripts/gen-types.mjs, src/types/code-keys.ts); it validates nothing.
for (const k of SCHEMA_ANNOTATIONS) ajv.addKeyword(k);
// Compiled without the schema's prose, which validates nothing (src/validate/schema.ts stripAnnotations): the standalone
// code embeds the schema it was compiled from.
const code = standaloneCode.default(ajv, ajv.compile(stripAnnotations(schema)));
mkdirSync(new URL('../dist/validate/', import.meta.url), { recursive: true });
writeFileSync(new URL('../dist/validate/plan-validator.cjs', import.meta.url), code);
// The validator's `require("./formats.cjs")`: the same module, by Node's require of an ES module (Node >= 20.19 and
// 22.12; where it fails, src/validate/schema.ts compiles the schema at run time instead) or by the bundler, which
// puts it in the command line's bundle (scripts/bundle.mjs).
writeFileSync(new URL('../dist/validate/formats.cjs', import.meta.url),
  '// Written by scripts/build-validator.mjs: the date formats of src/form/dates.ts for the precompiled validator.\n' +
  "'use strict';\nmodule.exports = require('../form/dates.js').FORMATS;\n");

// The layout schema (schemas/layout.schema.json) likewise: dist/validate/layout-validator.cjs, required by
// src/layout/schema.ts only when a layout.yaml is parsed (an office's folder, or an edited file): a command served by
// the build's table of profiles loads neither it nor ajv. Not bundled (scripts/bundle.mjs): it is rarely run.
const { LAYOUT_AJV_OPTIONS, LAYOUT_SCHEMA_PATH, UNIT_KEYWORD } = await import('../dist/layout/schema.js');
const layoutAjv = new Ajv2020({ ...LAYOUT_AJV_OPTIONS, code: { source: true, esm: false } });
layoutAjv.addKeyword({ keyword: UNIT_KEYWORD, schemaType: 'string' });
const layoutSchema = JSON.parse(readFileSync(LAYOUT_SCHEMA_PATH, 'utf8'));
writeFileSync(new URL('../dist/validate/layout-validator.cjs', import.meta.url), standaloneCode.default(layoutAjv, layoutAjv.compile(layoutSchema)));
