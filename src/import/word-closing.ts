/**
 * The Nơi nhận of a Word document read as kehoach writes it (issue 19 item 4): recipient groups set in a table of
 * their own with the brace and the purpose beside them (templates/common/nhom_noi_nhan.hbs), a recipient with its
 * own purpose ("- Ủy ban bầu cử tỉnh (để b/c);", read as that text), the typist's initials with their emphasis, on the Lưu line or
 * joined to its last unit, and a Lưu line in the office's own wording kept word for word. A reading is taken only
 * when the family's own view of it (src/normalise/closing.ts noiNhanView, the code render prints it with) gives back
 * the page's lines exactly; otherwise closing.ts's reading stands.
 */
import type { KeHoach } from '../types/plan.js';
import type { LayoutProfile } from '../profile.js';
import { noiNhanView } from '../normalise/closing.js';
import { luuUnits } from '../form/noi-nhan.js';
import { markup, type Line } from './lines.js';
import type { Notes } from './notes.js';
import type { NoiNhanReader } from './closing.js';

type NoiNhan = KeHoach['noi_nhan'];
type Entry = NoiNhan['cac_noi'][number];


/** The lines the view prints for a Nơi nhận (heading left out), as markup. */
function printed(nn: NoiNhan, profile: LayoutProfile): string[] {
  const v = noiNhanView(nn, profile);
  const out: string[] = [];
  for (const d of v.dong) {
    if (d.loai === 'noi') out.push(`- ${d.text}`);
    else out.push(...d.dong.map((t) => `- ${t}`), `} (${d.muc_dich})`);
  }
  out.push(v.luu);
  if (v.ky_hieu) out.push(v.ky_hieu);
  return out.map((t) => t.replace(/\s+/g, ' ').trim());
}

/**
 * Reads the Nơi nhận of a Word document's closing as kehoach writes it.
 * @param lines the closing's lines (from the Nơi nhận heading on)
 * @param profile the family's layout (its end mark, Lưu pattern, typist's form)
 * @returns the Nơi nhận and the paragraph of each of its parts, or null when the view of no reading gives the page's lines
 */
export function noiNhanFromWord(lines: Line[], profile: LayoutProfile, readLuu: NoiNhanReader['luu'], heading: NoiNhanReader['heading']): { noi_nhan: NoiNhan; paras: Map<string, number> } | null {
  const h = lines.findIndex((l) => heading(l.text) !== null);
  const head = lines[h]?.cell;
  if (!head) return null;
  // The heading's column of the closing table and the tables nested in it, up to the Lưu line and a typist line.
  const own: Line[] = [];
  for (const l of lines.slice(h + 1)) {
    if (!l.cell || (l.cell.table === head.table && l.cell.col !== head.col)) continue;
    if (own.length && readLuu(own[own.length - 1].text) && !(l.cell.table === head.table && !/^[-–]/u.test(l.text))) break;
    own.push(l);
  }
  const luuAt = own.findIndex((l) => l.cell!.table === head.table && readLuu(l.text));
  if (luuAt < 0) return null;
  const page = own.map((l) => markup(l.runs).replace(/\\\*/g, '*').replace(/\s+/g, ' ').trim());
  const end = profile.mau.noi_nhan_cuoi;
  const strip = (t: string) => t.replace(/^-\s*/u, '').replace(new RegExp(`${end.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'u'), '');
  const cac_noi: Entry[] = [];
  const paras = new Map<string, number>();
  for (let i = 0; i < luuAt; i++) {
    const l = own[i];
    if (l.cell!.table !== head.table) {
      // A group: the lines of its table's first column, then "} (purpose)" in the second.
      const t = l.cell!.table;
      let j = i;
      const nhom: string[] = [];
      while (j < luuAt && own[j].cell!.table === t && own[j].cell!.col === 0) nhom.push(strip(page[j++]));
      const brace = j < luuAt && own[j].cell!.table === t ? /^\}\s*\((.+)\)$/u.exec(page[j]) : null;
      if (!brace || !nhom.length) return null;
      paras.set(String(cac_noi.length), l.para);
      cac_noi.push({ nhom, muc_dich: brace[1] } as Entry);
      i = j;
      continue;
    }
    // A recipient with its own purpose prints as "- UBND tỉnh (b/c);": kept as that text (fidelity.ts compares them alike).
    paras.set(String(cac_noi.length), l.para);
    cac_noi.push(strip(page[i]));
  }
  if (!cac_noi.length) return null;
  const luuLine = page[luuAt].replace(/^-\s*/u, '');
  const after = page.slice(luuAt + 1);
  const m = readLuu(page[luuAt])!;
  const candidates: NoiNhan[] = [];
  const base = { cac_noi } as NoiNhan;
  // Typist on the Lưu line ("VT, VP (Th). *Cát*.") or on the next line; joined to the last unit ("VT, NCTường.").
  const same = /^(.+?)\.\s+(\S.*?)\.?$/u.exec(m.noi);
  if (same) candidates.push({ ...base, luu: luuUnits(same[1]), ky_hieu_nguoi_soan: same[2], ky_hieu_cung_dong: true } as unknown as NoiNhan);
  const units = luuUnits(m.noi);
  const joined = /^(.*?\p{Lu})(\p{Lu}\p{Ll}+|\*[^*]+\*)$/u.exec(units[units.length - 1] ?? '');
  if (joined) candidates.push({ ...base, luu: [...units.slice(0, -1), joined[1]], ky_hieu_nguoi_soan: joined[2], ky_hieu_cung_dong: 'noi_lien' } as unknown as NoiNhan);
  const typist = after.length === 1 ? after[0].replace(/\.$/u, '') : undefined;
  candidates.push({ ...base, luu: units, ...(typist ? { ky_hieu_nguoi_soan: typist } : {}) } as unknown as NoiNhan);
  candidates.push({ ...base, luu: luuLine, ...(typist ? { ky_hieu_nguoi_soan: typist } : {}) } as unknown as NoiNhan);
  const hit = candidates.find((c) => { try { const p = printed(c, profile); return p.length === page.length && p.every((t, k) => t === page[k]); } catch { return false; } });
  if (!hit) return null;
  paras.set('luu', own[luuAt].para);
  return { noi_nhan: hit, paras };
}

/**
 * Puts a Word reading of the Nơi nhận in place of closing.ts's: its comments and paragraph paths under `noi_nhan`
 * are replaced by the new reading's.
 */
export function replaceNoiNhan(notes: Notes, paras: Map<string, number>): void {
  for (let i = notes.comments.length - 1; i >= 0; i--) if (notes.comments[i].path[0] === 'noi_nhan') notes.comments.splice(i, 1);
  for (const k of [...notes.paths.keys()]) if (k.startsWith('noi_nhan\u0000')) notes.paths.delete(k);
  for (const [k, para] of paras) notes.at(k === 'luu' ? ['noi_nhan', 'luu'] : ['noi_nhan', 'cac_noi', Number(k)], para);
}
