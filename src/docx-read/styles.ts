/**
 * Style resolution for WordprocessingML: docDefaults, paragraph styles (w:basedOn chains), character styles,
 * table-independent; theme fonts (w:asciiTheme="minorHAnsi" → the theme's latin font). ECMA-376 Part 1 §17.7.
 */
import { child, kids, val, onOff, find, type El } from './xml.js';
import type { RunFormat } from './model.js';
import { intIn, MAX_HALF_POINTS, MAX_ILVL, MAX_TWIPS } from './limits.js';

/** Run properties as found, before defaults (undefined = not set at this level). */
export interface RProps { fonts: RunFormat['fonts']; size?: number; bold?: boolean; italic?: boolean; underline?: boolean }
/** Paragraph properties as found. */
export interface PProps { align?: string; left?: number; firstLine?: number; before?: number; after?: number; line?: number; lineRule?: string; top?: boolean; bottom?: boolean; numId?: string; ilvl?: number }

export interface StyleSheet {
  defaults: { r: RProps; p: PProps };
  /** Resolved paragraph style (chain applied), by style id. */
  para(id: string | undefined): { r: RProps; p: PProps };
  char(id: string | undefined): RProps;
  theme: Record<string, string>;
  defaultParaStyle?: string;
}

/** A length in twips within Word's page (±MAX_TWIPS), else not set. */
const twips = (s: string | undefined): number | undefined => intIn(s, -MAX_TWIPS, MAX_TWIPS);

/** Reads run properties (w:rPr). Theme fonts resolve through `theme` (majorHAnsi, minorHAnsi …). */
export function readRPr(rPr: El | undefined, theme: Record<string, string>): RProps {
  const out: RProps = { fonts: {} };
  if (!rPr) return out;
  const f = child(rPr, 'w:rFonts');
  if (f) {
    for (const slot of ['ascii', 'hAnsi', 'cs', 'eastAsia'] as const) {
      const name = f.attrs[`w:${slot}`];
      const th = f.attrs[`w:${slot}Theme`];
      if (th && theme[th]) out.fonts[slot] = theme[th];
      else if (name) out.fonts[slot] = name;
    }
  }
  const sz = intIn(val(rPr, 'w:sz'), 1, MAX_HALF_POINTS);
  if (sz !== undefined) out.size = sz;
  const b = onOff(child(rPr, 'w:b'));
  if (b !== undefined) out.bold = b;
  const i = onOff(child(rPr, 'w:i'));
  if (i !== undefined) out.italic = i;
  const u = child(rPr, 'w:u');
  if (u) out.underline = (u.attrs['w:val'] ?? 'single') !== 'none';
  return out;
}

/** Reads paragraph properties (w:pPr). */
export function readPPr(pPr: El | undefined): PProps {
  const out: PProps = {};
  if (!pPr) return out;
  const jc = val(pPr, 'w:jc');
  if (jc) out.align = jc === 'start' ? 'left' : jc === 'end' ? 'right' : jc === 'distribute' ? 'both' : jc;
  const ind = child(pPr, 'w:ind');
  if (ind) {
    const left = twips(ind.attrs['w:left'] ?? ind.attrs['w:start']);
    if (left !== undefined) out.left = left;
    const fl = twips(ind.attrs['w:firstLine']);
    const hang = twips(ind.attrs['w:hanging']);
    if (fl !== undefined) out.firstLine = fl;
    if (hang !== undefined) out.firstLine = -hang;
  }
  const sp = child(pPr, 'w:spacing');
  if (sp) {
    const before = twips(sp.attrs['w:before']); if (before !== undefined) out.before = before;
    const after = twips(sp.attrs['w:after']); if (after !== undefined) out.after = after;
    const line = twips(sp.attrs['w:line']); if (line !== undefined) out.line = line;
    if (sp.attrs['w:lineRule']) out.lineRule = sp.attrs['w:lineRule'];
  }
  const bdr = child(pPr, 'w:pBdr');
  if (bdr) {
    const on = (n: string) => { const e = child(bdr, n); return !!e && !['none', 'nil'].includes(e.attrs['w:val'] ?? 'none'); };
    out.top = on('w:top');
    out.bottom = on('w:bottom');
  }
  const np = child(pPr, 'w:numPr');
  if (np) {
    const id = val(np, 'w:numId');
    if (id) out.numId = id;
    // A level outside 0–8 (Word refuses to load it) is kept as -1: no list label.
    const lv = val(np, 'w:ilvl');
    out.ilvl = lv === undefined ? 0 : (intIn(lv, 0, MAX_ILVL) ?? -1);
  }
  return out;
}

/** Merges run properties, later wins. */
export function mergeR(...layers: RProps[]): RProps {
  const out: RProps = { fonts: {} };
  for (const l of layers) {
    Object.assign(out.fonts, l.fonts);
    for (const k of ['size', 'bold', 'italic', 'underline'] as const) if (l[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = l[k];
  }
  return out;
}

export const mergeP = (...layers: PProps[]): PProps => Object.assign({}, ...layers) as PProps;

/** Theme fonts from word/theme/theme1.xml: majorHAnsi/majorAscii → major latin, minor… → minor latin. */
export function readTheme(root: El[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const doc = root?.[0];
  if (!doc) return out;
  const major = find(doc, 'a:majorFont');
  const minor = find(doc, 'a:minorFont');
  const latin = (e: El | undefined) => child(e, 'a:latin')?.attrs.typeface;
  const ea = (e: El | undefined) => child(e, 'a:ea')?.attrs.typeface;
  const cs = (e: El | undefined) => child(e, 'a:cs')?.attrs.typeface;
  for (const [pre, e] of [['major', major], ['minor', minor]] as const) {
    const l = latin(e);
    if (l) { out[`${pre}HAnsi`] = l; out[`${pre}Ascii`] = l; }
    const a = ea(e); if (a) out[`${pre}EastAsia`] = a;
    const c = cs(e); if (c) out[`${pre}Bidi`] = c;
  }
  return out;
}

/** Builds the style sheet from word/styles.xml (may be absent) and the theme. */
export function readStyles(root: El[] | undefined, theme: Record<string, string>): StyleSheet {
  const styles = root?.find((e) => e.name === 'w:styles');
  const dd = child(styles, 'w:docDefaults');
  const defaults = {
    r: readRPr(child(child(dd, 'w:rPrDefault'), 'w:rPr'), theme),
    p: readPPr(child(child(dd, 'w:pPrDefault'), 'w:pPr')),
  };
  const byId = new Map<string, El>();
  let defaultParaStyle: string | undefined;
  for (const s of kids(styles, 'w:style')) {
    const id = s.attrs['w:styleId'];
    if (id) byId.set(id, s);
    if (s.attrs['w:type'] === 'paragraph' && ['1', 'true'].includes(s.attrs['w:default'] ?? '')) defaultParaStyle = id;
  }
  const paraCache = new Map<string, { r: RProps; p: PProps }>();
  const para = (id: string | undefined, seen: string[] = []): { r: RProps; p: PProps } => {
    const sid = id ?? defaultParaStyle;
    if (!sid || seen.includes(sid)) return { r: { fonts: {} }, p: {} };
    const hit = paraCache.get(sid);
    if (hit) return hit;
    const s = byId.get(sid);
    if (!s) return { r: { fonts: {} }, p: {} };
    const base = val(s, 'w:basedOn');
    const parent = base ? para(base, [...seen, sid]) : { r: { fonts: {} }, p: {} };
    const res = { r: mergeR(parent.r, readRPr(child(s, 'w:rPr'), theme)), p: mergeP(parent.p, readPPr(child(s, 'w:pPr'))) };
    paraCache.set(sid, res);
    return res;
  };
  const char = (id: string | undefined, seen: string[] = []): RProps => {
    if (!id || seen.includes(id)) return { fonts: {} };
    const s = byId.get(id);
    if (!s) return { fonts: {} };
    const base = val(s, 'w:basedOn');
    return mergeR(base ? char(base, [...seen, id]) : { fonts: {} }, readRPr(child(s, 'w:rPr'), theme));
  };
  return { defaults, para, char, theme, ...(defaultParaStyle ? { defaultParaStyle } : {}) };
}
