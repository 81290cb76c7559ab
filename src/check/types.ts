/**
 * The layout data the document rules of `kehoach check` read (src/check/rules.ts, rules of the one registry with
 * `on: 'document'`, their context `DocumentContext` in src/rules/types.ts): templates/<khoi>/layout.yaml `kiem_tra`
 * (paper, margins, fonts, the roles with a fixed style, a rule under them or a required presence); `kieu` gives what
 * rendering writes and the sizes and styles the texts allow.
 *
 * `KiemTra`: the `kiem_tra` block of a layout, lengths mm (schemas/layout.schema.json `kiem_tra`, every key present
 * once resolved; src/profile.ts). The sizes are not here: each role's allowed sizes sit beside its size in `kieu`
 * (`co_cho_phep`, src/profile.ts StyleSpec), as its bold settings do.
 */
export type { KiemTra } from '../profile.js';
