/**
 * Date formatting with the leading-zero rule of NĐ 30/2020 Phụ lục I mục II.4:
 * days 1–9 and months 1–2 take a leading zero ("ngày 05 tháng 02"), months 3–12 do not ("tháng 3").
 */

/** Day with a leading zero below 10. */
export const padDay = (d: number): string => (d < 10 ? `0${d}` : String(d));
/** Month with a leading zero for January and February only. */
export const padMonth = (m: number): string => (m <= 2 ? `0${m}` : String(m));

/** Splits "YYYY", "YYYY-MM" or "YYYY-MM-DD" into numbers. */
export function splitDate(s: string): { y: number; m?: number; d?: number } {
  const [y, m, d] = s.split('-').map(Number);
  return { y, ...(m ? { m } : {}), ...(d ? { d } : {}) };
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
