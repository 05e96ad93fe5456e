// The browser sweep over the Simplified pages of the sweep (sweep.ts says what each page must do),
// in a file of its own so that it runs beside the Traditional half.
import { sweepTests } from './sweep.ts';
import { useSite } from './harness.ts';

sweepTests(useSite(), 'hans');
