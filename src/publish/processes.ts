/** Whether the process `pid` still runs: a lock or a half-made file of a live build is left alone. */
export function isRunning(pid: number): boolean {
  // 0 and negative numbers name process groups, which always include the caller.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    return process.kill(pid, 0);
  } catch {
    return false;
  }
}

/** The name under which this process makes `path` aside, renaming it once finished. */
export const partialOf = (path: string) => `${path}.${process.pid}.partial`;

/** The process that is making a file named by `partialOf`, if the name is such a one. */
export const makerOf = (name: string): number | undefined => {
  const pid = /\.(\d+)\.partial$/.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
};
