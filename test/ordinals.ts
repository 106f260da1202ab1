/**
 * Ranks written as ordinals whose word changes with the number, as
 * translations into these languages write them (for the tests that rewrite
 * rank columns).
 */

/** `1-ви`, `2-ри`, `3-ти`, `7-ми`, `11-ти`. */
export const bulgarian = (r: number): string => `${r}-${([11, 12, 17, 18].includes(r % 100) ? undefined : ({ 1: 'ви', 2: 'ри', 7: 'ми', 8: 'ми' } as Record<number, string>)[r % 10]) ?? 'ти'}`

/** `1:a`, `2:a`, `3:e`, `11:e`, `21:a`. */
export const swedish = (r: number): string => `${r}:${[1, 2].includes(r % 10) && ![11, 12].includes(r % 100) ? 'a' : 'e'}`

/** `1r`, `2n`, `3r`, `4t`, `5è`. */
export const catalan = (r: number): string => `${r}${({ 1: 'r', 2: 'n', 3: 'r', 4: 't' } as Record<number, string>)[r] ?? 'è'}`

/** `1ला`, `2रा`, `3रा`, `4था`, `5वाँ`, `6ठा` (letters with vowel signs). */
export const hindi = (r: number): string => `${r}${({ 1: 'ला', 2: 'रा', 3: 'रा', 4: 'था', 6: 'ठा' } as Record<number, string>)[r] ?? 'वाँ'}`
