// pdf.js 6 uses Promise.withResolvers, which Node 20 lacks.
import '../src/polyfills.ts';
