import { setFlagsFromString } from 'node:v8';

/**
 * Imported first by main.ts, before the libraries allocate. V8 lets the young generation grow to 2×16 MB semi-spaces
 * under allocation pressure, which a proxy process keeps resident forever. A growth factor of 1 keeps the semi-spaces
 * at their initial size (the size flags themselves only apply at isolate start, this one is read at every resize).
 * ISTHMUS_V8_DEFAULTS=1 keeps V8's defaults (for comparison).
 */
if (process.env['ISTHMUS_V8_DEFAULTS'] !== '1') setFlagsFromString('--semi-space-growth-factor=1');
