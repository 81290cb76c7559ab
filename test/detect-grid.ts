/**
 * The inputs of test/detect-families.test.ts: every document of test/fixtures and examples/ that import reads without
 * LibreOffice, and a grid of header facts (agency lines × title lines × ký hiệu × signature) crossing the clues of
 * every family. Their families were computed once on the code before detection moved into the layouts (the table of
 * regular expressions of src/import/families.ts) and kept in test/fixtures/detect-expected.json.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

/** The documents, relative to the repository: .docx and .txt under test/fixtures (the office family's excepted). */
export function fixtureDocuments(): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(ROOT, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) { if (e.name !== 'templates-office') walk(p); } else if (/\.(docx|txt)$/u.test(e.name)) out.push(p);
    }
  };
  walk('test/fixtures');
  return out;
}

const AGENCIES = [
  '', 'UBND TỈNH BÌNH THUẬN\nSỞ NỘI VỤ', 'ỦY BAN NHÂN DÂN\nTỈNH GIA LAI', 'LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU', 'CÔNG ĐOÀN NGÀNH GIÁO DỤC',
  'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM', 'LĐLĐ HUYỆN X', 'Công đoàn cơ sở trường Y', 'ỦY BAN MTTQ VIỆT NAM\nXÃ AN PHÚ',
  'ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH GIA LAI', 'Ủy ban Mặt trận Tổ quốc\nxã Lương Minh', 'TỈNH ỦY BÌNH THUẬN\nBAN DÂN VẬN',
  'BCH ĐOÀN TỈNH GIA LAI', 'HỘI NÔNG DÂN VIỆT NAM\nHỘI NÔNG DÂN TỈNH NGHỆ AN', 'ĐẢNG ỦY XÃ Z',
];
const TITLES = [
  '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐOÀN TNCS HỒ CHÍ MINH',
  'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
];
const KY_HIEU = [
  '', 'KH-UBND', 'KH-SNV-STC', 'KH/BDVTU', 'CTr/TU', 'KH-LĐLĐ', 'KH-CĐN', 'KH-MTTQ-BTT', 'TT-MTTW-BTT', 'KH/TĐTN-BTG',
  'HD/TWĐTN-VP', 'KH-TĐTN', 'KH-HNDT', 'KH-ĐTN',
];
const SIGNATURES: [string, string[]][] = [
  ['', []], ['TM. ỦY BAN NHÂN DÂN', ['cong_doan', 'doan_thanh_nien', 'mat_tran', 'nha_nuoc']], ['T/M BAN THƯỜNG VỤ', ['dang']],
  ['K/T TRƯỞNG BAN', ['dang']], ['TM. BAN THƯỜNG TRỰC', ['cong_doan', 'doan_thanh_nien', 'mat_tran', 'nha_nuoc']],
  ['TM BAN THƯỜNG TRỰC', ['cong_doan', 'doan_thanh_nien', 'mat_tran', 'nha_nuoc']], ['KT. CHỦ TỊCH', ['cong_doan', 'doan_thanh_nien', 'mat_tran', 'nha_nuoc']],
];

/** Header facts as import gives them to the family's detection (the shape of HeaderFacts). */
export interface Facts { text: string; agency: string; kyHieu: string; signature: string; signatureFamilies: string[] }

/** The grid, in a fixed order (the expected table lists one answer a cell, in this order). */
export function factsGrid(): Facts[] {
  const out: Facts[] = [];
  for (const agency of AGENCIES) for (const title of TITLES) for (const kyHieu of KY_HIEU) for (const [signature, signatureFamilies] of SIGNATURES) {
    const text = [agency, title, kyHieu ? `Số: 05/${kyHieu}` : ''].filter(Boolean).join('\n') + '\n';
    out.push({ text, agency, kyHieu, signature, signatureFamilies });
  }
  return out;
}
