export type ResidentIdProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECK_CHARACTER';
/** Check character for the first 17 digits ('X' stands for 10). */
export declare function residentIdCheckCharacter(first17: string): string;
/** Why an ID number is invalid, or undefined when valid; the birth date must be a real calendar day. */
export declare function residentIdProblem(id: string): ResidentIdProblem | undefined;
/** True when the number has the right shape, a real birth date and the right check character. */
export declare function isValidResidentId(id: string): boolean;
