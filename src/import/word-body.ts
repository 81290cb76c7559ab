/**
 * What kehoach writes in a body paragraph that a Word document gives back beyond body.ts's reading (issue 19 item
 * 4): an unnumbered paragraph followed by its enumeration ("… như sau: (1)- …; (2)- …", `liet_ke` printed by
 * src/normalise/body.ts enumeration in the pattern `kieu_liet_ke`, default "(1)-"); a phase whose theme is set
 * between the plan's own quote marks (`ngoac_kep`: "Với chủ đề \"*…*\"."), its theme in italics as render sets it; the
 * end mark the page gives the closing paragraph (`dau_ket`).
 */
import type { Muc } from '../types/plan.js';
import { parsePattern, formatNumber } from '../form/numbering.js';
import { phaseOf, isoOf, MARKERS } from './body.js';

/** The enumeration pattern render uses when a plan gives none (src/normalise/body.ts). */
const DEFAULT_ENUMERATION = '(1)-';

/**
 * An unnumbered paragraph whose text runs on into "(1)- …" "(2)- …" (two items at least, in order) becomes
 * `{ doan, so: false, liet_ke }`, as render prints it. Lists are changed in place, recursively.
 */
export function enumerationsWord(items: Muc[]): void {
  const lp = parsePattern(DEFAULT_ENUMERATION)!;
  const label = (j: number) => ` ${formatNumber(lp, j).label} `;
  items.forEach((it, i) => {
    if (typeof it === 'object') { if (it.noi_dung) enumerationsWord(it.noi_dung); return; }
    const cuts: number[] = [];
    for (let j = 1, from = 0; ; j++) {
      const at = it.indexOf(label(j), from);
      if (at < 0) break;
      cuts.push(at);
      from = at + label(j).length;
    }
    if (cuts.length < 2 || cuts[0] === 0) return;
    const liet_ke = cuts.map((c, j) => it.slice(c + label(j + 1).length, cuts[j + 1] ?? it.length).trim());
    if (liet_ke.some((t) => !t)) return;
    items[i] = { doan: it.slice(0, cuts[0]).trim(), so: false, liet_ke } as unknown as Muc;
  });
}

/** A phase line as markup: name, "Từ … đến …", then the lead-in, the theme in italics between two quote marks and "." . */
const RE_THEMED = /^(.+? Từ \S+(?: \S+)? đến \S+) (\p{Ll}[^*"“”]{0,40}|\p{Lu}[^*"“”]{0,40}) (["'“«])\*([^*]+)\*(["'”»])\.(?: (.+))?$/u;

/**
 * A phase's text that starts with its theme: the lead-in, the theme between two quote marks (in italics as markup,
 * "*…*", when read from a paragraph's runs), ".", the rest.
 */
const RE_THEME_TEXT = /^(\p{L}[^"“”«»*]{0,40}?) (["“«])\*?([^"“”«»]+?)\*?(["”»])\.(?: (.+))?$/u;

/**
 * A phase with a theme whose quote marks are not render's default, or whose lead-in is capitalised, read from the
 * paragraph's markup (the theme in italics) by body.ts phaseOf once its marks are the default ones.
 * Lists are changed in place, recursively.
 * @returns the quote marks the phases' themes are set in (`ngoac_kep`), when not “”
 */
export function phasesWord(items: Muc[], prevDen?: string): string | undefined {
  let quotes: string | undefined;
  items.forEach((it, i) => {
    if (typeof it === 'object') {
      const d = (it as { dot?: Record<string, string> }).dot;
      // A phase body.ts read with its theme left in its text ("Với chủ đề \"…\". …": no "." after the dates; or the
      // paragraph under a phase set on one line, mot_dong).
      const t = d && !d.chu_de && d.noi_dung ? RE_THEME_TEXT.exec(d.noi_dung) : null;
      if (d && t) {
        const { ten, tu, den, thoi_gian, mot_dong } = d as Record<string, unknown>;
        (it as { dot?: unknown }).dot = { ten, ...(tu ? { tu } : {}), ...(den ? { den } : {}), ...(thoi_gian ? { thoi_gian } : {}), loi_dan: t[1], chu_de: t[3], ...(t[5] ? { noi_dung: t[5] } : {}), ...(mot_dong !== undefined ? { mot_dong } : {}) };
        if (t[2] + t[4] !== '“”') quotes = t[2] + t[4];
      }
      if (d?.den) prevDen = d.den;
      if (it.noi_dung) quotes = phasesWord(it.noi_dung) ?? quotes;
      return;
    }
    const m = RE_THEMED.exec(it);
    if (!m) return;
    const dot = phaseOf(`${m[1]} ${m[2]} “${m[4]}”.${m[6] ? ` ${m[6]}` : ''}`, prevDen);
    if (!dot || dot.chu_de !== m[4]) return;
    items[i] = { dot: { ten: dot.ten, tu: dot.tu, den: dot.den, loi_dan: m[2], chu_de: m[4], ...(dot.noi_dung ? { noi_dung: dot.noi_dung } : {}) } } as unknown as Muc;
    prevDen = dot.den;
    if (m[3] + m[5] !== '“”') quotes = m[3] + m[5];
  });
  return quotes;
}

/**
 * The end mark the closing paragraph carries on the page, when it is not the family's (`dau_ket`: "." or none, as
 * the schema allows); undefined when it is the family's or the plan has no closing paragraph.
 * @param ket the closing paragraphs as read
 * @param family the family's end mark (layout.yaml `mau.dau_ket`)
 */
export function endMarkWord(ket: readonly string[] | undefined, family: string): string | undefined {
  const last = ket?.[ket.length - 1];
  if (last === undefined || !family || last.endsWith(family)) return undefined;
  return last.endsWith('.') ? '.' : /[\p{L}\p{N})”"]$/u.test(last) ? '' : undefined;
}

/** A phase's name as kehoach's phases are named ("Đợt 1", "Giai đoạn chuẩn bị"), with the ":" render puts after it. */
const RE_PHASE_NAME = /^((?:Đợt|Giai đoạn)(?: [^:*]{1,60})?):$/u;
/** The time a phase's line opens with ("Trong tháng 12/2025", "Từ 01/01/2026 đến 15/3/2026"), its end mark, the rest. */
const RE_PHASE_TIME = /^((?:Từ|Trong|Sau|Trước|Đến|Tháng|Quý|Năm) [^.;:!?]{1,60}?)([.;:!?])(?: (.+))?$/u;

/**
 * A phase numbered like a heading (`dot` with `so`), which prints as a run-in heading does — its number and name in
 * the level's heading style, then the time and the text (templates/common/block.hbs) — read back from the run-in
 * heading body.ts made of it when the name is a phase's ("Đợt …", "Giai đoạn …") and the text opens with its time.
 * The time is `tu`/`den` when it is "Từ <date> đến <date>" in render's short dates, else `thoi_gian`. Lists are
 * changed in place, recursively.
 */
export function numberedPhasesWord(items: Muc[]): void {
  items.forEach((it, i) => {
    if (typeof it !== 'object') return;
    if (it.noi_dung) numberedPhasesWord(it.noi_dung);
    if (it.tieu_de === undefined || it.doan === undefined || !MARKERS.has(it)) return;
    const name = RE_PHASE_NAME.exec(it.tieu_de);
    const time = name ? RE_PHASE_TIME.exec(it.doan) : null;
    if (!name || !time) return;
    const span = /^Từ (tháng \S+|\S+) đến (tháng \S+|\S+)$/u.exec(time[1]);
    const tu = span ? isoOf(span[1]) : undefined;
    const den = span ? isoOf(span[2]) : undefined;
    if (span ? !(tu && den && tu <= den && time[2] === '.') : false) return;
    // "." is render's own after a time; another mark is the time's (thoi_gian keeps it).
    const thoi_gian = time[2] === '.' ? time[1] : time[1] + time[2];
    const { tieu_de: _t, doan: _d, so, ...rest } = it as Record<string, unknown>;
    const dot = { ten: name[1], ...(tu && den ? { tu, den } : { thoi_gian }), ...(time[3] ? { noi_dung: time[3] } : {}) };
    const phase = { dot, so: so ?? true, ...rest } as unknown as Muc;
    items[i] = phase;
    MARKERS.set(phase as object, MARKERS.get(it)!);
  });
}
