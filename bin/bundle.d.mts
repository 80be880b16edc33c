// Types of bin/bundle.mjs for the TypeScript that imports it (its tests).
export declare const ENTRIES: Record<'cli' | 'analyze-worker', string>;
export declare function isFresh(out: string, root?: string): boolean;
export declare function buildBundle(out?: string, root?: string): Promise<string>;
export declare function loadEntry(name: 'cli' | 'analyze-worker', out?: string): Promise<Record<string, unknown>>;
