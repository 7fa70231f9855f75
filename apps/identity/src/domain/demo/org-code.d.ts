/** Check character of an 8-digit organisation code body ('X' for 10, '0' for 11). */
export declare function orgCodeCheckCharacter(body: string): string;
