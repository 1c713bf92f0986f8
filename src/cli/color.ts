/**
 * Decides whether to colour output: --no-color and NO_COLOR always win, FORCE_COLOR turns it on
 * without a terminal (CI logs), otherwise only a terminal gets colour.
 */
export function colorEnabled(input: { argv: readonly string[]; env: NodeJS.ProcessEnv; isTTY: boolean; flag?: boolean | undefined }): boolean {
  if (input.flag === false || input.argv.includes('--no-color')) return false;
  if (input.env.NO_COLOR !== undefined && input.env.NO_COLOR !== '') return false;
  const force = input.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (input.env.TERM === 'dumb') return false;
  return input.isTTY;
}
