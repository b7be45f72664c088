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
