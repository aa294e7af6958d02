/** What a kind's semantic validator knows about the resource besides its spec. */
export interface ValidationContext {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
}

/** A kind's semantic validator: reports problems at paths rooted at `spec`. */
export type SpecValidator<S> = (spec: S, reporter: import('./problems').Reporter, context: ValidationContext) => void;
