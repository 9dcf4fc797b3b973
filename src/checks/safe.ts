/** Guards a check so a bug in it becomes one info finding instead of failing the whole report. */
import type { Check } from './types.ts';

/** Wraps a check: an exception turns into an info finding with the check id and the reason. */
export function safe(id: string, check: Check): Check {
  const guarded: Check = (report) => {
    try {
      return check(report);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return [{ id, severity: 'info', cells: [], message: `检查 ${id} 未能完成（内部错误：${reason}），请人工核对。` }];
    }
  };
  // Named after the check id so profiles and the per-check bench rows say which check they timed.
  Object.defineProperty(guarded, 'name', { value: id });
  return guarded;
}
