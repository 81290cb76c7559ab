/**
 * Issue 23, item 15: a LibreOffice that hangs (a fake `soffice`, a shell script, so no LibreOffice is needed). On
 * timeout the whole process group is killed (no orphan left), the wait does not grow with the batch, and the
 * message gives the true reason, not the last warning LibreOffice printed.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertToPdf } from '../src/pdf.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kh-pdf-hung-'));
const WARNING = 'javaldx: Could not find a Java Runtime Environment!';
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const until = async (ok: () => boolean, ms = 10_000) => { const end = Date.now() + ms; while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 50)); return ok(); };

/** A fake soffice made of `body` (sh); its path. */
function fake(body: string): string {
  const dir = tmp();
  const f = join(dir, 'soffice');
  writeFileSync(f, `#!/bin/sh\noutdir=""; prev=""\nfor a in "$@"; do if [ "$prev" = "--outdir" ]; then outdir="$a"; fi; prev="$a"; done\nmkdir -p "$outdir"\n${body}\n`);
  chmodSync(f, 0o755);
  return f;
}
const saved = process.env.KEHOACH_SOFFICE;
afterEach(() => { if (saved === undefined) delete process.env.KEHOACH_SOFFICE; else process.env.KEHOACH_SOFFICE = saved; });
const job = (d: string, i: number) => ({ docx: Buffer.from('not really a docx'), output: join(d, `kh-${i}.pdf`) });

describe.skipIf(process.platform === 'win32')('a LibreOffice that hangs', () => {
  it('is killed with its whole process group on timeout; the message says it timed out, not its warning', { timeout: 120_000 }, async () => {
    const d = tmp();
    const pids = join(d, 'pids');
    // soffice starts a child (as soffice.bin is started by oosplash), prints a warning and hangs.
    process.env.KEHOACH_SOFFICE = fake(`sleep 300 &\necho "$$ $!" > "${pids}"\necho "${WARNING}" >&2\nwait`);
    const err = await convertToPdf([job(d, 1)], 'en', 2000).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/LibreOffice could not convert to PDF/);
    expect(err?.message).toMatch(/2 s/);
    expect(err?.message).not.toContain('javaldx');
    const [shell, child] = readFileSync(pids, 'utf8').trim().split(' ').map(Number);
    expect(await until(() => !alive(shell) && !alive(child)), `processes left: ${[shell, child].filter(alive).join(' ')}`).toBe(true);
    expect(existsSync(join(d, 'kh-1.pdf'))).toBe(false);
    const vi = await convertToPdf([job(d, 1)], 'vi', 1000).then(() => null, (e: Error) => e);
    expect(vi?.message).toMatch(/LibreOffice không chuyển được sang PDF/);
  });

  it('the timeout is a wait for the next PDF: a long batch that keeps making PDFs is not stopped', { timeout: 120_000 }, async () => {
    const d = tmp();
    // one PDF every 0.6 s, 6 documents: 3.6 s in all, each within the 2 s the converter is given
    process.env.KEHOACH_SOFFICE = fake(`for a in "$@"; do case "$a" in *.docx) sleep 0.6; printf '%%PDF-1.4\\n' > "$outdir/$(basename "$a" .docx).pdf";; esac; done`);
    const jobs = Array.from({ length: 6 }, (_, i) => job(d, i));
    await convertToPdf(jobs, 'en', 2000);
    for (const j of jobs) expect(readFileSync(j.output, 'utf8')).toBe('%PDF-1.4\n');
  });

  it('a failing LibreOffice: the reason is its error (or its exit status), not the last warning', { timeout: 120_000 }, async () => {
    const d = tmp();
    process.env.KEHOACH_SOFFICE = fake(`echo "Error: source file could not be loaded"\necho "${WARNING}" >&2`);
    const noPdf = await convertToPdf([job(d, 1)], 'en', 20_000).then(() => null, (e: Error) => e);
    expect(noPdf?.message).toContain('Error: source file could not be loaded');
    expect(noPdf?.message).not.toContain('javaldx');
    process.env.KEHOACH_SOFFICE = fake(`echo "${WARNING}" >&2\nexit 81`);
    const exit = await convertToPdf([job(d, 1)], 'en', 20_000).then(() => null, (e: Error) => e);
    expect(exit?.message).toMatch(/81/);
    expect(exit?.message).not.toContain('javaldx');
  });
});
