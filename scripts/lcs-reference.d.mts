export function lcsTable(a: readonly string[], b: readonly string[]): number;
