/**
 * Dates as the text prints them, with the leading-zero rule of NĐ 30/2020 Phụ lục I mục II.4 (padDay, padMonth,
 * in src/form/dates.ts beside the reader of dates).
 */
import { padDay, padMonth, readDate } from '../form/dates.js';

export { padDay, padMonth };

/**
 * Splits a plan date, "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a validated value), into numbers (1-based month).
 * @throws Error when `s` is not a real date in one of these forms (the schema refuses such a plan before)
 */
export function splitDate(s: string): { y: number; m?: number; d?: number } {
  const r = readDate(s);
  if (!r.ok || r.form !== 'iso') throw new Error(`not a plan date: ${JSON.stringify(s)}`);
  return { y: r.y, ...(r.m ? { m: r.m } : {}), ...(r.d ? { d: r.d } : {}) };
}

/**
 * Short form used inside the text: "2020-06-30" → "30/6/2020", "2020-01" → "tháng 01/2020".
 */
export function shortDate(s: string): string {
  const { y, m, d } = splitDate(s);
  if (d && m) return `${padDay(d)}/${padMonth(m)}/${y}`;
  if (m) return `tháng ${padMonth(m)}/${y}`;
  return String(y);
}

/** Fills "{a} … {b}" placeholders from a record (unknown names stay as they are). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => (k in values ? String(values[k]) : all));
}
