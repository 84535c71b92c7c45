// The CLI's exit codes (docs/contracts.md): 0 success, 1 the fleet or the operation failed,
// 2 bad usage or bad input. Commands throw these; main turns them into one message and a code.
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Bad usage or bad input: the message names the input and how to fix it. */
export class UsageError extends Error {
  readonly exitCode = EXIT_USAGE;
}

/** The operation ran and failed; the message says what happened and, where known, why. */
export class OperationFailed extends Error {
  readonly exitCode = EXIT_FAILED;
}
