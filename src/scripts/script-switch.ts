// Keeps the reader's place when switching script: the twin pages share every id, so the
// current fragment is valid on the other side (and the search page's ?q= query too). Without a
// fragment, the element with an id at the top of the window where the reader was reading (before
// scrolling back up to the switch in the header) is handed over in sessionStorage, and the twin
// scrolls it to the same height. Without JavaScript the link opens the twin's top.
const PLACE_KEY = 'script-switch-place';

interface Place { id: string; top: number }

let readingPlace: Place | undefined;
let measuring = false;

const syncSwitchLinks = (): void => {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-script-switch]')) {
    link.search = location.search;
    link.hash = location.hash;
  }
};

/** The first shown element with an id whose top is in the window (a hidden one measures 0). */
function placeInWindow(): Place | undefined {
  for (const element of document.querySelectorAll('main [id]')) {
    const box = element.getClientRects()[0];
    if (box && box.top >= 0) return { id: element.id, top: box.top };
  }
  return undefined;
}

const headerInView = (): boolean => (document.querySelector('body > header')?.getBoundingClientRect().bottom ?? 0) > 0;

function restorePlace(): void {
  const saved = sessionStorage.getItem(PLACE_KEY);
  if (!saved) return;
  sessionStorage.removeItem(PLACE_KEY);
  const place = JSON.parse(saved) as Place & { path: string };
  const element = place.path === location.pathname && !location.hash ? document.getElementById(place.id) : null;
  if (element) scrollTo(0, element.getBoundingClientRect().top + scrollY - place.top);
}

syncSwitchLinks();
restorePlace();
addEventListener('hashchange', syncSwitchLinks);
// The place is measured once a frame while scrolling, only while the header is out of view.
addEventListener(
  'scroll',
  () => {
    if (measuring) return;
    measuring = true;
    requestAnimationFrame(() => {
      measuring = false;
      if (!headerInView()) readingPlace = placeInWindow();
    });
  },
  { passive: true },
);
// Capture phase, before the browser follows the link: covers fragments set without a hashchange event.
addEventListener(
  'click',
  (event) => {
    syncSwitchLinks();
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-script-switch]') : null;
    if (!link || location.hash) return;
    const place = headerInView() ? readingPlace : placeInWindow();
    if (place) sessionStorage.setItem(PLACE_KEY, JSON.stringify({ ...place, path: link.pathname }));
  },
  true,
);
