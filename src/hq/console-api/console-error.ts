/**
 * What the console refuses to answer, with a status and a message for the person at head office.
 * Not an HqRefusal: those are the wire's codes, which branches interpret.
 */
export class ConsoleError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}
