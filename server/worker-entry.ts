/**
 * A worker thread's entry module, beside the module that starts it. In a checkout the entry is
 * TypeScript, run through tsx (workers do not inherit the parent's loader); in the built package
 * (dist/) it is JavaScript, and tsx is not installed at all.
 */
export function workerEntry(callerUrl: string, stem: string): { filename: string; execArgv: string[] } {
  const built = callerUrl.endsWith('.js');
  return {
    filename: new URL(`./${stem}.${built ? 'js' : 'ts'}`, callerUrl).href,
    execArgv: built ? [] : ['--import', import.meta.resolve('tsx')],
  };
}

/**
 * The same entry as source for `new Worker(code, { eval: true })`: in a checkout it registers
 * tsx's loader in the worker first (a worker's --import does not reach its own main module).
 */
export function workerScript(callerUrl: string, stem: string): string {
  const { filename, execArgv } = workerEntry(callerUrl, stem);
  if (execArgv.length === 0) return `import(${JSON.stringify(filename)})`;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(filename)}); })`;
}
