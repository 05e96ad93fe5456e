// Keeps the reader's place when switching script: the twin pages share every id, so the
// current fragment is valid on the other side (and the search page's ?q= query too). Without a
// fragment, the element with an id at the top of the window is handed over (sessionStorage) and
// the twin scrolls it to the same height. Without JavaScript the link opens the twin's top.
const PLACE_KEY = 'script-switch-place';

interface Place { path: string; id: string; top: number }

const syncSwitchLinks = (): void => {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-script-switch]')) {
    link.search = location.search;
    link.hash = location.hash;
  }
};

/** The first element with an id whose top is in the window, as the twin will look for it. */
function placeInWindow(path: string): Place | undefined {
  if (scrollY === 0) return undefined;
  for (const element of document.querySelectorAll('main [id]')) {
    const top = element.getBoundingClientRect().top;
    if (top >= 0) return { path, id: element.id, top };
  }
  return undefined;
}

function restorePlace(): void {
  const saved = sessionStorage.getItem(PLACE_KEY);
  if (!saved) return;
  sessionStorage.removeItem(PLACE_KEY);
  const place = JSON.parse(saved) as Place;
  const element = place.path === location.pathname && !location.hash ? document.getElementById(place.id) : null;
  if (element) scrollTo(0, element.getBoundingClientRect().top + scrollY - place.top);
}

syncSwitchLinks();
restorePlace();
addEventListener('hashchange', syncSwitchLinks);
// Capture phase, before the browser follows the link: covers fragments set without a hashchange event.
addEventListener(
  'click',
  (event) => {
    syncSwitchLinks();
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-script-switch]') : null;
    const place = link && !location.hash ? placeInWindow(link.pathname) : undefined;
    if (place) sessionStorage.setItem(PLACE_KEY, JSON.stringify(place));
  },
  true,
);
