/** A template could not be found, compiled or rendered; names the template and, when known, the variable. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly template: string,
    readonly variable: string | null = null,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}
