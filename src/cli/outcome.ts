/**
 * A command's result printed as usual but ending the process with another exit code: an import
 * that committed nothing because of errors still prints what was wrong, and exits 1 for scripts.
 */
export class CommandOutcome {
  constructor(
    readonly result: unknown,
    readonly exitCode: number,
  ) {}
}
