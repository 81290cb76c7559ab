/**
 * What the recogniser records besides the plan: YAML comments by data path (where it guessed), warnings (what it
 * could not place), the role of each paragraph (for `check`) and the paragraph each data path came from.
 */
export type Path = (string | number)[];

export class Notes {
  readonly comments: { path: Path; text: string }[] = [];
  readonly warnings: { para: number; text: string; path: Path }[] = [];
  /** Paragraph number → layout role (a key of layout.yaml `kieu`). */
  readonly roles = new Map<number, string>();
  /** Data path (joined by "\u0000") → paragraph number. */
  readonly paths = new Map<string, number>();

  comment(path: Path, text: string): void { this.comments.push({ path, text }); }
  role(para: number, role: string): void { if (!this.roles.has(para)) this.roles.set(para, role); }
  /** Sets a paragraph's role over an earlier guess (a joint header regrouped, a form recognised). */
  setRole(para: number, role: string): void { this.roles.set(para, role); }
  at(path: Path, para: number): void { const k = path.join('\u0000'); if (!this.paths.has(k)) this.paths.set(k, para); }
  /** Text that fits no slot: kept at `path`, commented there and reported. */
  unplaced(path: Path, para: number, text: string): void {
    this.warnings.push({ para, text, path });
    this.comment(path, `không xếp được (đoạn ${para}), để tại chỗ: kiểm tra lại`);
  }
  /** The paragraph a data path (or its nearest ancestor) came from; 1 when unknown. */
  paraOf(path: readonly (string | number)[]): number {
    for (let n = path.length; n >= 0; n--) {
      const hit = this.paths.get(path.slice(0, n).join('\u0000'));
      if (hit !== undefined) return hit;
    }
    return 1;
  }
}
