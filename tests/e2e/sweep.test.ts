// The browser sweep over the Traditional pages of the sweep (sweep.ts says what each page must do).
import { sweepTests } from './sweep.ts';
import { useSite } from './harness.ts';

sweepTests(useSite(), 'hant');
