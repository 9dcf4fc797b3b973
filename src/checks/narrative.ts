/** Check family stub: filled in by its owner. */
import type { Check } from './types.ts';

export const narrativeChecks: Check[] = [];
