/**
 * The little that common/ may use of the process it runs in: what Node 20 and the browser both
 * provide, typed here so that neither the DOM nor Node's types are visible to common/ (tsconfig.common.json).
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly href: string;
}

declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

declare function btoa(data: string): string;
declare function atob(data: string): string;
