/** Types of scripts/family-plan.mjs (a family's minimal plan, for the build and the tests). */
export declare const ISSUER: Record<string, [string, string]>;
export declare function familyPlan(khoi: string, o?: { signer?: string; danhSo?: string[] | null; body?: string }): string;
