// Assertion helper: a thrown PkiError with the expected error id (and message pattern).

export function errorWithId(errorId: string, pattern?: RegExp): (error: unknown) => boolean {
  return (error: unknown) => {
    const actual = (error as { errorId?: string }).errorId;
    if (actual !== errorId) throw new Error(`expected error id ${errorId}, got ${actual}: ${(error as Error).message}`);
    if (pattern && !pattern.test((error as Error).message)) throw new Error(`message ${JSON.stringify((error as Error).message)} does not match ${pattern}`);
    return true;
  };
}
