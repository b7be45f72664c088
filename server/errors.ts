/**
 * Typed errors. Code throws these; the API maps each class to one HTTP status in one
 * place (api/error-handler.ts) and the CLI prints their message. Tests assert the class.
 */
export class DyadError extends Error {
  override readonly name: string = 'DyadError';
}

/** An id that names nothing: an actor, document or claim. */
export class NotFound extends DyadError {
  override readonly name = 'NotFound';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} '${id}' not found`);
  }
}

/** Bad input. `where` names the parameter, or the file and line, that is wrong. */
export class InvalidInput extends DyadError {
  override readonly name = 'InvalidInput';
  constructor(
    message: string,
    readonly where?: { parameter?: string; file?: string; line?: number },
  ) {
    super(message);
  }
}

/** Several problems found at once (a whole seed directory checked). */
export class InvalidInputs extends DyadError {
  override readonly name = 'InvalidInputs';
  constructor(readonly problems: InvalidInput[]) {
    super(problems.map((p) => p.message).join('\n'));
  }
}

/** The configured store cannot be reached. */
export class StoreUnavailable extends DyadError {
  override readonly name = 'StoreUnavailable';
}

/** A write over HTTP without a token, or with the wrong one. */
export class Unauthorized extends DyadError {
  override readonly name = 'Unauthorized';
}

/** Writes are switched off (no DYAD_API_TOKEN configured). */
export class Forbidden extends DyadError {
  override readonly name = 'Forbidden';
}

/** A write that would overwrite what is there without saying so (a POST to an existing document id). */
export class Conflict extends DyadError {
  override readonly name = 'Conflict';
}

/** A text the extractor could not finish within its time budget: the input is refused, the server carries on. */
export class ExtractionOverBudget extends DyadError {
  override readonly name = 'ExtractionOverBudget';
  constructor(
    readonly document: string,
    readonly budgetMs: number,
  ) {
    super(`extracting claims from document '${document}' took longer than ${budgetMs} ms; split the text or submit curated claims`);
  }
}

/** The server's own data files are broken (a gazetteer that does not parse): not the caller's fault. */
export class Misconfigured extends DyadError {
  override readonly name = 'Misconfigured';
}
