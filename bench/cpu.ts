/** CPU milliseconds `run` takes (user + system), so waiting on a shared machine is not counted. */
export function cpuMs(run: () => void): number {
  const c = process.cpuUsage();
  run();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
}
