// Formats used by the plan schema, shared by the runtime compile (schema.ts) and the precompiled validator.
'use strict';
function isRealDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  // Years before 1000 are typing slips (0000, 0205) and cannot be written as a .docx core.xml date.
  if (y < 1000) return false;
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1];
}
module.exports = {
  isRealDate,
  date: { type: 'string', validate: isRealDate },
  'ngay-hoac-nam': { type: 'string', validate: (s) => (/^\d{4}$/.test(s) && Number(s) >= 1000) || isRealDate(s) },
  'thang-hoac-ngay': { type: 'string', validate: (s) => (/^\d{4}-(0[1-9]|1[0-2])$/.test(s) && Number(s.slice(0, 4)) >= 1000) || isRealDate(s) },
};
