import type { ZodTypeAny, z } from 'zod'

/** Pairs each action's input schema with the type of data it answers with. */
export type Endpoints<I extends Record<string, ZodTypeAny>, O extends Record<keyof I, unknown>> = {
  [A in keyof I]: { input: z.input<I[A]>; output: O[A] }
}

/** The data type each action of an API answers with. */
export type OutputsOf<E> = { [A in keyof E]: E[A] extends { output: infer O } ? O : never }
