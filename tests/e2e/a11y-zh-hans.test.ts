// axe-core on the Simplified pages of the browser sweep, light and dark: the twin of a11y.test.ts's sweep of the
// Traditional pages, in a file of its own so the two run side by side.
import { describeAxeLightAndDark } from './axe.ts';
import { useSite } from './harness.ts';

const site = useSite();

describeAxeLightAndDark(site, site.sweep.filter((page) => page.script === 'hans'));
