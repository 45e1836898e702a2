export declare const root: string;
export declare function ensureInstalled(): void;
export declare function ensureGenerated(): void;
export declare function ensureBuilt(): void;
