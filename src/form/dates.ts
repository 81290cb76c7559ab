/**
 * Dates: the one reader of the ways a date is written in a plan or a source document, and the leading-zero rule of
 * the date line, used by validate (the schema's formats and their messages), fix, import and render.
 *
 * Calendar validity comes from dayjs (customParseFormat, strict mode): each form's shape is recognised here (so that
 * "31/02/2025" is known to be a date written d/m/yyyy that does not exist, not some other text), then the written
 * text is parsed by dayjs with a format of the same widths and refused unless it names that very day.
 *
 * Forms read (all with a four-digit year, 1000–9999):
 * - `iso`: the plan's own form, YYYY-MM-DD, and the partial YYYY-MM and YYYY where a field allows them;
 * - `iso-unpadded`: ISO with a leading zero missing, "2026-12-7" (→ 2026-12-07), "2026-3" (→ 2026-03);
 * - `dmy`: day first, as Vietnamese text writes it, "30/6/2027", "30.06.2027", "30-6-2027" (one or two digits);
 * - `date-line`: the line of NĐ 30/2020 Phụ lục I mục II.4, "ngày 05 tháng 02 năm 2025", also a draft's with
 *   blanks (spaces, dots, "…", "_") for the day or the day and month: "ngày      tháng      năm 2025".
 *
 * Loaded by the plan's schema validator, also in its precompiled form (dist/validate/formats.cjs requires this
 * module's build, see scripts/build-validator.mjs), so it imports nothing but dayjs and ./placeholder.js.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { CHUA_DIEN } from './placeholder.js';

dayjs.extend(customParseFormat);

/** How a date was written (see the module comment). Only `iso` is the plan's own form. */
export type DateForm = 'iso' | 'iso-unpadded' | 'dmy' | 'date-line';

/** What a written date names: a day, a month (YYYY-MM) or a year (YYYY; a draft's date line without day and month). */
export type DatePrecision = 'day' | 'month' | 'year';

/** The parts as written (digits as typed, e.g. "5" or "05"; absent when left blank or not part of the form). */
export interface WrittenParts { y: string; m?: string; d?: string }

/**
 * A date read from a text:
 * - `ok: true`: a real date (or month, or year): `iso` is its plan form (YYYY-MM-DD, YYYY-MM or YYYY), `y`/`m`/`d`
 *   its numbers (1-based month), `form` how it was written;
 * - `ok: false, reason: 'not-real'`: written in one of the forms, but no such day or month exists (2025-02-30,
 *   "ngày 31 tháng 02 năm 2025", 13/13/2025);
 * - `ok: false, reason: 'year-range'`: the year is below 1000 (0205-01-01: a typing slip; a .docx cannot hold it);
 * - `ok: false, reason: 'not-a-date'`: none of the forms.
 */
export type DateReading =
  | { ok: true; iso: string; form: DateForm; precision: DatePrecision; y: number; m?: number; d?: number; written: WrittenParts }
  | { ok: false; reason: 'not-real' | 'year-range'; form: DateForm; written: WrittenParts }
  | { ok: false; reason: 'not-a-date' };

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const DMY = /^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})$/;
// The blanks a draft leaves for the day and month: spaces, dots, ellipses, underscores.
const DATE_LINE = /^ngày[\s.…_]*(\d*)[\s.…_]*tháng[\s.…_]*(\d*)[\s.…_]*năm[\s.…_]*(\d{4})\s*\.?$/iu;

const pad2 = (s: string) => s.padStart(2, '0');

/**
 * Reads a date written in any of the forms of the module comment.
 * @param text the value as written (surrounding white space is ignored)
 * @returns the reading; never throws
 */
export function readDate(text: string): DateReading {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(s))) {
    const [, y, mo, d] = m;
    const form: DateForm = (mo === undefined || mo.length === 2) && (d === undefined || d.length === 2) ? 'iso' : 'iso-unpadded';
    const fmt = ['YYYY', mo && 'M'.repeat(mo.length), d && 'D'.repeat(d.length)].filter(Boolean).join('-');
    return judge(s, fmt, form, { y, ...(mo ? { m: mo } : {}), ...(d ? { d } : {}) });
  }
  if ((m = DMY.exec(s))) {
    const [, d, s1, mo, s2, y] = m;
    return judge(s, `${'D'.repeat(d.length)}${s1}${'M'.repeat(mo.length)}${s2}YYYY`, 'dmy', { y, m: mo, d });
  }
  if ((m = DATE_LINE.exec(s))) {
    const [, d, mo, y] = m;
    const written: WrittenParts = { y, ...(mo ? { m: mo } : {}), ...(d ? { d } : {}) };
    if (d.length > 2 || mo.length > 2) return { ok: false, reason: 'not-real', form: 'date-line', written };
    // Only what was filled in is read: a day without its month names no day (its year is what is left).
    const parts = [y, mo, mo && d].filter(Boolean);
    const fmt = ['YYYY', mo && 'M'.repeat(mo.length), mo && d && 'D'.repeat(d.length)].filter(Boolean).join(' ');
    return judge(parts.join(' '), fmt, 'date-line', written);
  }
  return { ok: false, reason: 'not-a-date' };
}

/**
 * dayjs's strict reading of a text with a format: the year, 1-based month and day it names, or null when it names no
 * such day. Kept per text and format (at most DAYS_KEPT, then started afresh): a plan repeats the same few dates (its
 * tasks' deadlines, its phases), each read by the schema's formats and again by normalisation, and dayjs's strict
 * parse (it compiles the format each time) was 3 % of a batch worker's time.
 */
const days = new Map<string, readonly [number, number, number] | null>();
const DAYS_KEPT = 4096;
function strictDay(text: string, fmt: string): readonly [number, number, number] | null {
  const key = `${fmt}\0${text}`;
  let day = days.get(key);
  if (day === undefined) {
    const date = dayjs(text, fmt, true);
    day = date.isValid() ? [date.year(), date.month() + 1, date.date()] : null;
    if (days.size >= DAYS_KEPT) days.clear();
    days.set(key, day);
  }
  return day;
}

/** Parses `text` with dayjs in strict mode with `fmt` (Y, M, D tokens of the written widths) and builds the reading. */
function judge(text: string, fmt: string, form: DateForm, written: WrittenParts): DateReading {
  if (Number(written.y) < 1000) return { ok: false, reason: 'year-range', form, written };
  const date = strictDay(text, fmt);
  if (!date) return { ok: false, reason: 'not-real', form, written };
  const y = date[0];
  const hasMonth = fmt.includes('M');
  const hasDay = fmt.includes('D');
  const m = hasMonth ? date[1] : undefined;
  const d = hasDay ? date[2] : undefined;
  const iso = [written.y, m && pad2(String(m)), d && pad2(String(d))].filter(Boolean).join('-');
  return { ok: true, iso, form, precision: hasDay ? 'day' : hasMonth ? 'month' : 'year', y, ...(m ? { m } : {}), ...(d ? { d } : {}), written };
}

/**
 * The date fields' formats of the plan schema (schemas/ke-hoach.schema.json `format`), each with the precisions it
 * allows: `date` a day; `ngay-hoac-nam` a day, or for a draft (ngay_ban_hanh) its year or its month and year
 * ("ngày      tháng 01 năm 2026" → 2026-01); `thang-hoac-ngay` a month or a day (a phase's tu, den).
 */
export const DATE_FORMATS = {
  date: ['day'],
  'ngay-hoac-nam': ['day', 'month', 'year'],
  'thang-hoac-ngay': ['day', 'month'],
} as const satisfies Record<string, readonly DatePrecision[]>;

/** Name of a date format of the plan schema. */
export type DateFormatName = keyof typeof DATE_FORMATS;

/** True when `name` is one of the schema's date formats. */
export const isDateFormat = (name: unknown): name is DateFormatName => typeof name === 'string' && Object.hasOwn(DATE_FORMATS, name);

/**
 * The value a field of this format should hold for a reading: its ISO form when the field allows its precision,
 * else the same date cut to the finest coarser precision the field allows (a draft's "ngày … tháng 12 năm 2026"
 * in `han`, which holds a day only, → undefined; in ngay_ban_hanh → "2026-12"); undefined when the reading is not a real date or
 * nothing coarser is allowed.
 */
export function isoFor(reading: DateReading, format: DateFormatName): string | undefined {
  if (!reading.ok) return undefined;
  const allowed: readonly DatePrecision[] = DATE_FORMATS[format];
  const order: DatePrecision[] = ['day', 'month', 'year'];
  for (const p of order.slice(order.indexOf(reading.precision))) {
    if (allowed.includes(p)) return reading.iso.slice(0, p === 'day' ? 10 : p === 'month' ? 7 : 4);
  }
  return undefined;
}

/**
 * The schema format of a plan's date field by its key (and the key of the mapping holding it): ngay_ban_hanh
 * `ngay-hoac-nam`; a phase's tu, den `thang-hoac-ngay`, thoi_gian_ke_hoach's `date`; a task's han `date`.
 * Mirrors schemas/ke-hoach.schema.json (test/dates.test.ts checks it against the schema); undefined for other keys.
 */
export function dateFieldFormat(key: string, parentKey?: string): DateFormatName | undefined {
  if (key === 'ngay_ban_hanh') return 'ngay-hoac-nam';
  if (key === 'han') return 'date';
  if (key === 'tu' || key === 'den') return parentKey === 'thoi_gian_ke_hoach' ? 'date' : 'thang-hoac-ngay';
  return undefined;
}

/** True when `s` is written in the plan's own form (ISO, zero-padded) and names a real date of a precision `format` allows. */
export function isPlanDate(s: string, format: DateFormatName): boolean {
  const r = readDate(s);
  return r.ok && r.form === 'iso' && (DATE_FORMATS[format] as readonly DatePrecision[]).includes(r.precision);
}

/** True when `s` is YYYY-MM-DD naming a day that exists (2024-02-30 is refused, never rolled over), year 1000–9999. */
export const isRealDate = (s: string): boolean => isPlanDate(s, 'date');

/** The schema's date formats as ajv takes them (`ajv.addFormat(name, format)`), for the runtime and precompiled validators. */
export const FORMATS: Record<DateFormatName, { type: 'string'; validate: (s: string) => boolean }> = {
  date: { type: 'string', validate: isRealDate },
  // ngay_ban_hanh also holds import's placeholder "…" when the source gives no date (rule import/chua-dien).
  'ngay-hoac-nam': { type: 'string', validate: (s) => isPlanDate(s, 'ngay-hoac-nam') || s === CHUA_DIEN },
  'thang-hoac-ngay': { type: 'string', validate: (s) => isPlanDate(s, 'thang-hoac-ngay') },
};

/**
 * A place-and-date line of a source document, "Hà Nội, ngày 05 tháng 02 năm 2025" (NĐ 30/2020 Phụ lục I mục II.4),
 * also a draft's with blanks: the place, the date's text and its reading (which may be `not-real`); undefined when the
 * line is not one (no comma followed by a date line).
 */
export function readPlaceDateLine(line: string): { place: string; text: string; date: Exclude<DateReading, { reason: 'not-a-date' }> } | undefined {
  const m = /^(.+?)\s*,\s*(ngày[\s.…_\d].*)$/isu.exec(line.trim());
  if (!m) return undefined;
  const date = readDate(m[2]);
  if (!date.ok && date.reason === 'not-a-date') return undefined;
  if (date.form !== 'date-line') return undefined;
  return { place: m[1].trim(), text: m[2].trim(), date };
}

// ---- writing: the leading-zero rule

/**
 * Day as the date line writes it: NĐ 30/2020 Phụ lục I mục II.4, days below 10 take a leading zero ("ngày 05").
 * @param d day of the month, 1–31
 */
export const padDay = (d: number): string => (d < 10 ? `0${d}` : String(d));

/**
 * Month as the date line writes it: NĐ 30/2020 Phụ lục I mục II.4, months 1 and 2 take a leading zero
 * ("tháng 02"), months 3–12 do not ("tháng 3").
 * @param m month, 1–12
 */
export const padMonth = (m: number): string => (m <= 2 ? `0${m}` : String(m));
